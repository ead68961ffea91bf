// Which addresses count as public, compared with an implementation we did not
// write: Python's `ipaddress` (`is_global`, from the IANA special-purpose
// registries). Plus the resolved-name rule: one private answer refuses a name.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { networkGuard, notPublic, refusal as refusalOfHost } from '../../src/net/address-policy.js';
import { addressRefusal } from '../../src/report/text/address-refusal.js';

const FORK = { kind: 'fork-pull-request', fork: 'octo/fork' } as const;

/** The refusal as reports say it (report/text/address-refusal.ts), or null. */
async function refusal(...args: Parameters<typeof refusalOfHost>): Promise<string | null> {
  const r = await refusalOfHost(...args);
  return r && addressRefusal(r);
}

const SAMPLE = [
  '8.8.8.8',
  '1.1.1.1',
  '93.184.216.34',
  '127.0.0.1',
  '127.255.255.254',
  '10.1.2.3',
  '172.16.0.1',
  '172.31.255.255',
  '172.32.0.1',
  '192.168.1.1',
  '169.254.169.254',
  '100.64.0.1',
  '100.127.255.254',
  '100.128.0.1',
  '0.0.0.0',
  '0.1.2.3',
  '224.0.0.1',
  '239.255.255.250',
  '240.0.0.1',
  '255.255.255.255',
  '198.18.0.1',
  '198.19.255.255',
  '198.51.100.7',
  '203.0.113.9',
  '192.0.2.1',
  '2606:4700:4700::1111',
  '2001:4860:4860::8888',
  '::1',
  '::',
  'fe80::1',
  'fc00::1',
  'fd12:3456::1',
  'ff02::1',
  '2001:db8::1',
  '::ffff:127.0.0.1',
  '::ffff:10.0.0.1',
  '::ffff:8.8.8.8',
  '64:ff9b::a00:1',
  '64:ff9b::808:808',
  '100::1',
  'fec0::1',
];

test('public or not, address by address, as Python ipaddress.is_global says', {
  skip: spawnSync('python3', ['-c', 'import ipaddress']).status === 0 ? false : 'python3 is not installed',
}, () => {
  // Python judges IPv4-mapped / NAT64 addresses by the IPv6 registry; we judge them by the IPv4 they reach (stricter), so compare those against the embedded IPv4.
  const peerInput = SAMPLE.map((a) =>
    a
      .replace(/^::ffff:/, '')
      .replace(/^64:ff9b::a00:1$/, '10.0.0.1')
      .replace(/^64:ff9b::808:808$/, '8.8.8.8'),
  );
  const r = spawnSync(
    'python3',
    ['-c', 'import ipaddress,sys\nfor a in sys.argv[1:]: print(ipaddress.ip_address(a).is_global)', ...peerInput],
    { encoding: 'utf8' },
  );
  assert.equal(r.status, 0, r.stderr);
  const peer = r.stdout
    .trim()
    .split('\n')
    .map((s) => s === 'True');
  // Where we are stricter than Python, on purpose: multicast is "global" to it (routed) but never a server to
  // connect to, and deprecated site-local fec0::/10 (RFC 3879) is still in use inside some networks.
  const STRICTER = new Set(['224.0.0.1', '239.255.255.250', 'ff02::1', 'fec0::1']);
  SAMPLE.forEach((a, i) =>
    STRICTER.has(a)
      ? assert.ok(notPublic(a), a)
      : assert.equal(
          notPublic(a) === null,
          peer[i],
          `${a}: ours ${notPublic(a) ?? 'public'}, Python is_global=${peer[i]}`,
        ),
  );
});

test('a name is refused when any address it resolves to is not public; the allow-list and trusted events let it through', async () => {
  const fork = networkGuard(undefined, { kind: 'fork-pull-request', fork: 'mallory/site' });
  const lookup = async () => ['93.184.216.34', '10.0.0.5'];
  assert.match(
    (await refusal('rebind.example', fork, lookup))!,
    /not contacted: rebind\.example resolves to 10\.0\.0\.5, a private \(RFC 1918\) address, on a pull request from the fork mallory\/site/,
  );
  assert.equal(await refusal('public.example', fork, async () => ['93.184.216.34']), null);
  assert.match((await refusal('[::1]', fork))!, /::1, a loopback address/);
  const allowList = networkGuard({ privateAddresses: 'auto', allow: ['10.0.0.0/24'], maxDownloadMb: 1 }, FORK);
  assert.equal(await refusal('rebind.example', allowList, lookup), null);
  assert.equal(
    await refusal('127.0.0.1', networkGuard(undefined, null)),
    null,
    'trusted events: private addresses work',
  );
  assert.ok(
    await refusal('127.0.0.1', networkGuard({ privateAddresses: 'refuse', allow: [], maxDownloadMb: 1 }, null)),
    'refuse: always',
  );
  assert.equal(
    await refusal('127.0.0.1', networkGuard({ privateAddresses: 'allow', allow: [], maxDownloadMb: 1 }, FORK)),
    null,
    'allow: never',
  );
});
