import { METRICS_NAMESPACE, ROUTE_DIMENSION, ROUTE_METRIC } from '@todolist/handlers';
import type { RouteName } from '@todolist/sdk/contract';
import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';

// What the handlers record for each request, named in their package: its latency, and one count
// by the class of its answer, with the `route` dimension; Powertools adds `service`.
export { METRICS_NAMESPACE, ROUTE_METRIC };

export type RouteMetricName = (typeof ROUTE_METRIC)[keyof typeof ROUTE_METRIC];

/** The period of every graph and alarm. */
export const PERIOD = Duration.minutes(5);

/** The handlers' metrics of each route, as CloudWatch metrics and metric math. */
export class RouteMetrics {
  constructor(
    /** The routes, in the route table's order. */
    readonly names: readonly RouteName[],
    private readonly serviceName: string,
  ) {}

  /** One of the handlers' metrics of `route`: counts summed, latency at `statistic`. */
  metric(route: RouteName, metricName: RouteMetricName, statistic = 'Sum'): cloudwatch.Metric {
    return new cloudwatch.Metric({
      namespace: METRICS_NAMESPACE,
      metricName,
      dimensionsMap: { service: this.serviceName, [ROUTE_DIMENSION]: route },
      statistic,
      period: PERIOD,
      label: route,
    });
  }

  /** The same metric of every route, each labelled with its route. */
  each(metricName: RouteMetricName, statistic = 'Sum'): cloudwatch.Metric[] {
    return this.names.map((route) => this.metric(route, metricName, statistic));
  }

  /**
   * Percent of `route`'s answers that were 5xx: ServerError / (Success + ClientError + ServerError),
   * each filled with 0 where it has no datapoint, and 0 when the route had no request.
   */
  serverErrorPercent(route: RouteName): cloudwatch.MathExpression {
    const total = 'FILL(ok, 0) + FILL(refused, 0) + FILL(failed, 0)';
    return new cloudwatch.MathExpression({
      expression: `IF(${total} > 0, 100 * FILL(failed, 0) / (${total}), 0)`,
      usingMetrics: {
        ok: this.metric(route, ROUTE_METRIC.success),
        refused: this.metric(route, ROUTE_METRIC.clientError),
        failed: this.metric(route, ROUTE_METRIC.serverError),
      },
      label: `${route} 5xx %`,
      period: PERIOD,
    });
  }
}
