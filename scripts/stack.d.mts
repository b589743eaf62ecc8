export function freePort(): Promise<number>;
export function startStack(o?: { extraOrigins?: string[]; env?: Record<string, string> }): Promise<{
  demo: string;
  simulator: string;
  clientId: string;
  clientSecret: string;
  superofficeAuthorization: string;
  stop: () => void;
}>;
