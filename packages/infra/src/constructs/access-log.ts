import * as apigateway from 'aws-cdk-lib/aws-apigateway';

/** One JSON object per request in the stage's access log, queryable with Logs Insights. */
export function accessLogFormat(): apigateway.AccessLogFormat {
  const F = apigateway.AccessLogField;
  return apigateway.AccessLogFormat.custom(
    JSON.stringify({
      requestId: F.contextRequestId(),
      extendedRequestId: F.contextExtendedRequestId(),
      requestTime: F.contextRequestTime(),
      ip: F.contextIdentitySourceIp(),
      userAgent: F.contextIdentityUserAgent(),
      httpMethod: F.contextHttpMethod(),
      resourcePath: F.contextResourcePath(),
      path: F.contextPath(),
      status: F.contextStatus(),
      protocol: F.contextProtocol(),
      responseLength: F.contextResponseLength(),
      responseLatency: F.contextResponseLatency(),
      integrationLatency: F.contextIntegrationLatency(),
      integrationStatus: F.contextIntegrationStatus(),
      errorMessage: F.contextErrorMessage(),
      errorResponseType: F.contextErrorResponseType(),
      xrayTraceId: F.contextXrayTraceId(),
    }),
  );
}
