/**
 * The fixed physical names of one stage. Every one starts with the stage, so two stages (`prod`,
 * `staging`) deploy side by side in one account; names AWS generates need no prefix.
 */
export interface StageNames {
  readonly stage: string;
  /** `<stage>-todolist`: the DynamoDB table (the same name in every region, so replicas can be named). */
  readonly table: string;
  /** `<stage>-todolist/cursor-signing-key`: the Secrets Manager secret, replicated by name. */
  readonly cursorKeySecret: string;
  /** `/<stage>-todolist/auth`: the SSM parameter publishing the user pool to the other stacks. */
  readonly authParameter: string;
  /** `<stage>-todolist`: the user pool's name (not unique in AWS, but readable in the console). */
  readonly userPool: string;
  /** `<stage>-todolist`: the REST API's name. */
  readonly restApi: string;
  /** `<stage>-todolist-live`: the WebSocket API's name. */
  readonly liveApi: string;
  /** `<stage>-todolist`: the functions' Powertools service, a dimension of the handlers' metrics. */
  readonly service: string;
  /** `<stage>-todolist-health`: the X-Ray sampling rule that leaves health checks untraced (32 characters at most). */
  readonly healthSamplingRule: string;
  /** `<stage>-todolist-api`: the WAF web ACL of each region's API stage. */
  readonly webAcl: string;
  /** `<stage>-todolist-<account>`: the managed login domain prefix, unique in a region. */
  domainPrefix(account: string): string;
  /** `<stage>-todolist-<name>`: an alarm, as the e-mail about it is titled. */
  alarm(name: string): string;
  /** `<stage>-Todolist` and `<stage>-Todolist-<suffix>`: a stack. */
  stack(suffix?: string): string;
}

/** The names of `stage`'s resources (the stage is checked by `readConfig`). */
export function stageNames(stage: string): StageNames {
  const base = `${stage}-todolist`;
  return {
    stage,
    table: base,
    cursorKeySecret: `${base}/cursor-signing-key`,
    authParameter: `/${base}/auth`,
    userPool: base,
    restApi: base,
    liveApi: `${base}-live`,
    service: base,
    healthSamplingRule: `${base}-health`,
    webAcl: `${base}-api`,
    domainPrefix: (account) => `${base}-${account}`,
    alarm: (name) => `${base}-${name}`,
    stack: (suffix) => `${stage}-Todolist${suffix ? `-${suffix}` : ''}`,
  };
}
