// The environment `make run-dev` (and `make run-mesh`) gives the services, for tests that run those scripts: accounts
// on with an admin API key made at the first start, the service token made in the data folder, the offline planner.
export function devEnv(dataDir: string, adminKey: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PAGI_ENV_FILE: '/nonexistent',
    LOG_LEVEL: 'warn',
    LLM_PROVIDER: 'mock',
    PAGI_ADMIN_API_KEY: adminKey,
  };
  delete env.SERVICE_TOKEN;
  delete env.AUTH_MODE;
  return env;
}
