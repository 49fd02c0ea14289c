import { spawn } from 'node:child_process';

/** The platform's own way to open a URL; `rundll32` spares the URL from cmd.exe's quoting. */
function opener(url: string): [string, string[]] {
  if (process.platform === 'darwin') return ['open', [url]];
  if (process.platform === 'win32') return ['rundll32', ['url.dll,FileProtocolHandler', url]];
  return ['xdg-open', [url]];
}

/**
 * Opens the URL in the default browser without waiting for it. Fails soft: answers false when
 * no opener could be started (a server, a container), and the URL printed is the way in.
 */
export function openBrowser(url: string): Promise<boolean> {
  const [command, args] = opener(url);
  return new Promise((resolve) => {
    try {
      const child = spawn(command, args, { stdio: 'ignore', detached: true });
      child.once('error', () => resolve(false));
      child.once('spawn', () => {
        child.unref();
        resolve(true);
      });
    } catch {
      resolve(false);
    }
  });
}
