export const NGINX_PATH: string;
export function nginxMissing(): string | null;
export type RunningNginx = {
  port: number;
  url: string;
  /** The self-signed certificate nginx presents, to trust in the client. */
  ca: Buffer;
  errorLog(): string;
  stop(): Promise<void>;
};
export function startNginx(options: { upstreams: number[]; intake?: number[] }): Promise<RunningNginx>;
export function selfSignedCertificate(dir: string, host: string): void;
