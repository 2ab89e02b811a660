import { utils } from 'ssh2';

/**
 * An ed25519 key pair from ssh2's generator, retried until both halves parse: ssh2 1.17 now and then (about
 * 1 in 250) drops a leading zero byte of the public key and produces a pair that it cannot read back.
 */
export function generateEd25519(passphrase?: string): { private: string; public: string } {
  for (;;) {
    const pair = utils.generateKeyPairSync('ed25519', passphrase ? { passphrase, cipher: 'aes256-ctr', rounds: 4 } : {});
    if (!(utils.parseKey(pair.public) instanceof Error) && !(utils.parseKey(pair.private, passphrase) instanceof Error)) {
      return pair;
    }
  }
}
