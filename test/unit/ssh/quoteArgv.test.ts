import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { UnsafeArgumentError } from '../../../src/core/errors';
import { quoteArgv } from '../../../src/core/ssh/quoteArgv';
import { randomHostileArg } from './randomHostileArg';
import { seededRandom } from './seededRandom';

/** Runs a command line the way sshd does (`<shell> -c <line>`) and returns what the shell ran. */
function runLine(shell: string, line: string, env?: NodeJS.ProcessEnv): { status: number | null; stdout: Buffer } {
  const result = spawnSync(shell, ['-c', line], { env: env ?? process.env });
  return { status: result.status, stdout: result.stdout };
}

/** Splits printf '%s\0' output back into the arguments it printed. */
function splitNul(stdout: Buffer): string[] {
  const parts = stdout.toString('utf8').split('\0');
  assert.equal(parts.pop(), '', 'output ends with a NUL');
  return parts;
}

const shells = ['sh', 'bash'].filter((shell) => spawnSync(shell, ['-c', 'true']).status === 0);

describe('quoteArgv', () => {
  it('leaves plain words bare and single-quotes the rest', () => {
    assert.equal(quoteArgv(['xe', 'vm-list', 'uuid=0a1b', '--minimal']), 'xe vm-list uuid=0a1b --minimal');
    assert.equal(quoteArgv(['xe', 'a b']), "xe 'a b'");
    assert.equal(quoteArgv(['echo', '']), "echo ''");
    assert.equal(quoteArgv(['echo', "it's"]), `echo 'it'\\''s'`);
    assert.equal(quoteArgv(['echo', '$(id)']), "echo '$(id)'");
  });

  it('quotes first words that a shell would not run as a command name', () => {
    assert.equal(quoteArgv(['A=1']), "'A=1'");
    assert.equal(quoteArgv(['%1']), "'%1'");
    assert.equal(quoteArgv(['time', 'x']), "'time' x");
    assert.equal(quoteArgv(['echo', '=ls']), "echo '=ls'");
    // sshd runs `<shell> -c <line>`: a line starting with - or + would be taken as shell options.
    assert.equal(quoteArgv(['-x']), "'-x'");
    assert.equal(quoteArgv(['+x']), "'+x'");
  });

  for (const [label, value] of [['newline', 'a\nb'], ['carriage return', 'a\rb'], ['NUL', 'a\0b'], ['lone surrogate', 'a\uD800b']]) {
    it(`refuses an argument containing a ${label}, naming its position`, () => {
      assert.throws(
        () => quoteArgv(['xe', 'vm-list', value ?? '']),
        (error: unknown) => error instanceof UnsafeArgumentError && error.index === 2,
      );
    });
  }

  it('refuses an empty argv', () => {
    assert.throws(() => quoteArgv([]), UnsafeArgumentError);
  });

  it('accepts a proper surrogate pair (an emoji)', () => {
    assert.equal(quoteArgv(['echo', '😀']), "echo '😀'");
  });

  for (const shell of shells) {
    describe(`round trip through a real ${shell} -c`, () => {
      it('makes a quoted assignment-looking first word a command name, not an assignment', () => {
        const result = runLine(shell, quoteArgv(['A=1', 'x']));
        assert.equal(result.status, 127, 'the shell looked for a command named A=1');
      });

      it('delivers 1,200 random hostile arguments exactly as given', function () {
        this.timeout(60_000);
        const seed = 0x5eed + shell.length;
        const random = seededRandom(seed);
        let sent = 0;
        for (let batch = 0; batch < 100; batch++) {
          const args = Array.from({ length: 12 }, () => randomHostileArg(random));
          const result = runLine(shell, quoteArgv(['printf', '%s\\0', ...args]));
          assert.equal(result.status, 0, `seed ${seed} batch ${batch}`);
          assert.deepEqual(splitNul(result.stdout), args, `seed ${seed} batch ${batch}`);
          sent += args.length;
        }
        assert.equal(sent, 1200);
      });

      it('delivers hostile first words: the shell runs a command of exactly that name', function () {
        this.timeout(60_000);
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quote-argv-'));
        try {
          const printf = spawnSync('sh', ['-c', 'command -v printf || true']).stdout.toString().trim();
          const binary = printf.startsWith('/') ? printf : '/usr/bin/printf';
          const random = seededRandom(0xf1257);
          const candidates = new Set<string>();
          while (candidates.size < 150) {
            const name = randomHostileArg(random, 6);
            // A command name cannot hold '/'; bash runs any command word starting with '%' as `fg`, quoted or not.
            if (name !== '' && name !== '.' && name !== '..' && !name.includes('/') && !name.startsWith('%')) {
              candidates.add(name);
            }
          }
          // Builtins (`:`, `[`) win over PATH however the name is quoted; they say nothing about quoting.
          const probe = 'PATH=/nonexistent; for n in "$@"; do command -v -- "$n" >/dev/null && echo b || echo c; done';
          const kinds = spawnSync(shell, ['-c', probe, 'probe', ...candidates], { encoding: 'utf8' }).stdout.split('\n');
          const names = [...candidates].filter((_, i) => kinds[i] === 'c');
          assert.ok(names.length >= 100, `${names.length} names left to try`);
          const env = { ...process.env, PATH: `${dir}:${process.env.PATH ?? ''}` };
          for (const name of names) {
            fs.symlinkSync(binary, path.join(dir, name));
            // Each on its own line, as sshd would get it: the name is also the first word of the whole line.
            const result = runLine(shell, quoteArgv([name, '%s\\0', 'ok', name]), env);
            assert.equal(result.status, 0, `first word ${JSON.stringify(name)}`);
            assert.deepEqual(splitNul(result.stdout), ['ok', name]);
          }
        } finally {
          fs.rmSync(dir, { recursive: true, force: true });
        }
      });
    });
  }
});
