import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

const projectRoot = fileURLToPath(new URL('../../..', import.meta.url));
const run = promisify(execFile);

/** Runs the command as publishers do; `execFile` rejects on any exit code but 0. */
async function digestKeys(url: string): Promise<{ stdout: string; stderr: string }> {
  return run('npm', ['run', '--silent', 'digest', '--', 'keys', url], { cwd: projectRoot });
}

it.each([
  ['https://twitter.com/Alibaba_Qwen/status/2002034611229229388?s=20', 'x:status:2002034611229229388\n'],
  ['https://huggingface.co/datasets/OJ-1/PokeArt/viewer', 'hf:dataset:oj-1/pokeart\n'],
  ['https://x.com/home', ''],
  ['javascript:alert(1)', ''],
])(
  'digest keys %s prints %j and exits 0',
  async (url, printed) => {
    const { stdout, stderr } = await digestKeys(url);
    expect(stdout).toBe(printed);
    expect(stderr).toBe('');
  },
  20_000,
);
