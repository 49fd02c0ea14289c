import type { RouteName } from '@todolist/sdk/contract';
import type * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { PERIOD, RouteMetrics } from './route-metrics.js';

export { PERIOD };

/** What the dashboard and the alarms watch. */
export interface WatchedResources {
  readonly api: apigateway.RestApi;
  readonly functions: Readonly<Record<RouteName, { readonly function: lambda.IFunction }>>;
  readonly table: dynamodb.ITableV2;
  /** The functions' `POWERTOOLS_SERVICE_NAME`: a dimension of every metric the handlers write. */
  readonly serviceName: string;
}

type FunctionMetric = (fn: lambda.IFunction, options: cloudwatch.MetricOptions) => cloudwatch.Metric;

/**
 * The most metrics one metric-math alarm may read: a hard limit of CloudWatch's (PutMetricAlarm
 * takes at most 10 queries with a MetricStat), so a sum over more functions is split.
 */
export const METRICS_PER_ALARM = 10;

/** A sum over some of the route functions, and which. */
export interface FunctionGroupSum {
  readonly names: readonly RouteName[];
  readonly sum: cloudwatch.MathExpression;
}

/** `FILL(a, 0) + FILL(b, 0) + …`: a series with no datapoint (an idle route) counts 0, not "missing". */
export function filledSum(ids: readonly string[]): string {
  return ids.map((id) => `FILL(${id}, 0)`).join(' + ');
}

/** The metrics the dashboard shows and the alarms watch, built once from the resources. */
export class ApiMetrics {
  readonly requests: cloudwatch.Metric;
  readonly clientErrors: cloudwatch.Metric;
  readonly serverErrors: cloudwatch.Metric;
  /** Every route function, in the route table's order. */
  readonly functions: { readonly name: RouteName; readonly fn: lambda.IFunction }[];
  /** The handlers' own (EMF) metrics, per route. */
  readonly routes: RouteMetrics;

  constructor(private readonly resources: WatchedResources) {
    const sum = { period: PERIOD, statistic: 'Sum' };
    this.requests = resources.api.metricCount(sum);
    this.clientErrors = resources.api.metricClientError(sum);
    this.serverErrors = resources.api.metricServerError(sum);
    this.functions = (Object.keys(resources.functions) as RouteName[]).map((name) => ({
      name,
      fn: resources.functions[name].function,
    }));
    this.routes = new RouteMetrics(
      this.functions.map(({ name }) => name),
      resources.serviceName,
    );
  }

  /** The API's latency at a percentile such as `p99`, in milliseconds. */
  latency(statistic: string): cloudwatch.Metric {
    return this.resources.api.metricLatency({ period: PERIOD, statistic, label: `latency ${statistic}` });
  }

  /** Percent of requests answered 5xx. */
  serverErrorPercent(): cloudwatch.MathExpression {
    return new cloudwatch.MathExpression({
      expression: 'IF(requests > 0, 100 * errors / requests, 0)',
      usingMetrics: { requests: this.requests, errors: this.serverErrors },
      label: '5xx %',
      period: PERIOD,
    });
  }

  /** One metric of every function, each labelled with its route. */
  perFunction(metric: FunctionMetric) {
    return this.functions.map(({ name, fn }) => metric(fn, { period: PERIOD, label: name }));
  }

  /**
   * One metric summed over the functions (each filled with 0 where it has no datapoint), as one
   * series per group of at most {@link METRICS_PER_ALARM} functions, in the route table's order.
   */
  sumsOverFunctions(metric: FunctionMetric, label: string): FunctionGroupSum[] {
    const each = this.perFunction(metric);
    const groups: FunctionGroupSum[] = [];
    for (let start = 0; start < each.length; start += METRICS_PER_ALARM) {
      const usingMetrics = Object.fromEntries(
        each.slice(start, start + METRICS_PER_ALARM).map((one, index) => [`f${index}`, one]),
      );
      groups.push({
        names: this.functions.slice(start, start + METRICS_PER_ALARM).map(({ name }) => name),
        sum: new cloudwatch.MathExpression({
          expression: filledSum(Object.keys(usingMetrics)),
          usingMetrics,
          label,
          period: PERIOD,
        }),
      });
    }
    return groups;
  }

  /** A DynamoDB metric of the table, summed per period. */
  table(metricName: string): cloudwatch.Metric {
    return new cloudwatch.Metric({
      namespace: 'AWS/DynamoDB',
      metricName,
      dimensionsMap: { TableName: this.resources.table.tableName },
      statistic: 'Sum',
      period: PERIOD,
    });
  }

  /** Read and write throttle events of the table, as a single series. */
  tableThrottles(): cloudwatch.MathExpression {
    return new cloudwatch.MathExpression({
      expression: filledSum(['r', 'w']),
      usingMetrics: { r: this.table('ReadThrottleEvents'), w: this.table('WriteThrottleEvents') },
      label: 'table throttle events',
      period: PERIOD,
    });
  }

  /** How long, on average, this region's writes take to reach `receivingRegion`'s replica, in milliseconds. */
  replicationLatency(receivingRegion: string): cloudwatch.Metric {
    return new cloudwatch.Metric({
      namespace: 'AWS/DynamoDB',
      metricName: 'ReplicationLatency',
      dimensionsMap: { TableName: this.resources.table.tableName, ReceivingRegion: receivingRegion },
      statistic: 'Average',
      period: PERIOD,
      label: `replication to ${receivingRegion}`,
    });
  }
}
