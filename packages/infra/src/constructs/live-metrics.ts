import {
  LIVE_HANDLERS,
  LIVE_METRIC,
  METRICS_NAMESPACE,
  ROUTE_DIMENSION,
  ROUTE_METRIC,
} from '@todolist/handlers';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { filledSum, PERIOD } from './api-metrics.js';
import type { TodoLive } from './todo-live.js';

/** How far behind the stream the pusher may fall, in milliseconds, before its alarm. @default 60000 */
export const ITERATOR_AGE_ALARM_MS = 60_000;

/** The live pushes' metrics: the WebSocket stage's, the functions', and what the handlers record (EMF). */
export class LiveMetrics {
  constructor(
    private readonly live: TodoLive,
    private readonly serviceName: string,
  ) {}

  /** One of the pusher's EMF counts (LIVE_METRIC), summed. */
  pusher(metricName: (typeof LIVE_METRIC)[keyof typeof LIVE_METRIC], label: string): cloudwatch.Metric {
    return this.#emf(LIVE_HANDLERS.pusher, metricName, label);
  }

  /** The authorizer's refusals: handshakes answered 401. */
  refusals(): cloudwatch.Metric {
    return this.#emf(LIVE_HANDLERS.authorizer, LIVE_METRIC.refusedConnections, 'refused (401)');
  }

  /** `$connect`'s or `$disconnect`'s 5xx answers, as its handler records them. */
  connectionFailures(name: 'liveConnect' | 'liveDisconnect'): cloudwatch.Metric {
    return this.#emf(name, ROUTE_METRIC.serverError, `${name} 5xx`);
  }

  /** How old the newest record the pusher was handed was, at its worst in the period (ms). */
  iteratorAge(): cloudwatch.Metric {
    return this.live.functions.livePusher.function.metric('IteratorAge', {
      statistic: 'Maximum',
      period: PERIOD,
      label: 'iterator age (max, ms)',
    });
  }

  /** The pusher's errors and throttles, each filled: either one holds the shard back. */
  pusherFailures(): cloudwatch.MathExpression {
    const fn = this.live.functions.livePusher.function;
    const options = { period: PERIOD, statistic: 'Sum' };
    return new cloudwatch.MathExpression({
      expression: filledSum(['e', 't']),
      usingMetrics: { e: fn.metricErrors(options), t: fn.metricThrottles(options) },
      label: 'pusher errors and throttles',
      period: PERIOD,
    });
  }

  /** The errors of the connection functions (authorizer, $connect, $disconnect), filled and summed. */
  connectionFunctionErrors(): cloudwatch.MathExpression {
    const { liveAuthorizer, liveConnect, liveDisconnect } = this.live.functions;
    const options = { period: PERIOD, statistic: 'Sum' };
    return new cloudwatch.MathExpression({
      expression: filledSum(['a', 'c', 'd']),
      usingMetrics: {
        a: liveAuthorizer.function.metricErrors(options),
        c: liveConnect.function.metricErrors(options),
        d: liveDisconnect.function.metricErrors(options),
      },
      label: 'authorizer, $connect and $disconnect errors',
      period: PERIOD,
    });
  }

  /** One of the WebSocket stage's API Gateway metrics (ConnectCount, MessageCount, ClientError, …), summed. */
  stage(metricName: string): cloudwatch.Metric {
    return this.live.stage.metric(metricName, { statistic: 'Sum', period: PERIOD, label: metricName });
  }

  #emf(route: string, metricName: string, label: string): cloudwatch.Metric {
    return new cloudwatch.Metric({
      namespace: METRICS_NAMESPACE,
      metricName,
      dimensionsMap: { service: this.serviceName, [ROUTE_DIMENSION]: route },
      statistic: 'Sum',
      period: PERIOD,
      label,
    });
  }
}
