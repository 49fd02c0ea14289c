import type { RouteName } from '@todolist/sdk/contract';
import { Duration } from 'aws-cdk-lib';
import type * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as lambda from 'aws-cdk-lib/aws-lambda';

/** The period of every graph and alarm. */
export const PERIOD = Duration.minutes(5);

/** What the dashboard and the alarms watch. */
export interface WatchedResources {
  readonly api: apigateway.RestApi;
  readonly functions: Readonly<Record<RouteName, { readonly function: lambda.IFunction }>>;
  readonly table: dynamodb.ITableV2;
}

/** The metrics the dashboard shows and the alarms watch, built once from the resources. */
export class ApiMetrics {
  readonly requests: cloudwatch.Metric;
  readonly clientErrors: cloudwatch.Metric;
  readonly serverErrors: cloudwatch.Metric;
  readonly functions: { readonly name: string; readonly fn: lambda.IFunction }[];

  constructor(private readonly resources: WatchedResources) {
    const sum = { period: PERIOD, statistic: 'Sum' };
    this.requests = resources.api.metricCount(sum);
    this.clientErrors = resources.api.metricClientError(sum);
    this.serverErrors = resources.api.metricServerError(sum);
    this.functions = Object.entries(resources.functions).map(([name, { function: fn }]) => ({ name, fn }));
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
  perFunction(metric: (fn: lambda.IFunction, options: cloudwatch.MetricOptions) => cloudwatch.Metric) {
    return this.functions.map(({ name, fn }) => metric(fn, { period: PERIOD, label: name }));
  }

  /** One metric summed over every function, as a single series. */
  sumOverFunctions(
    metric: (fn: lambda.IFunction, options: cloudwatch.MetricOptions) => cloudwatch.Metric,
    label: string,
  ) {
    const usingMetrics = Object.fromEntries(
      this.perFunction(metric).map((each, index) => [`f${index}`, each]),
    );
    return new cloudwatch.MathExpression({
      expression: Object.keys(usingMetrics).join(' + '),
      usingMetrics,
      label,
      period: PERIOD,
    });
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
      expression: 'r + w',
      usingMetrics: { r: this.table('ReadThrottleEvents'), w: this.table('WriteThrottleEvents') },
      label: 'table throttle events',
      period: PERIOD,
    });
  }
}
