import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * wrk (C, one thread) is the load generator: on 2 shared cores a Node client spends a good part of a
 * core making requests, and that CPU would be taken from the api under test. Installed from Debian when
 * missing.
 */
export function ensureWrk(): void {
  if (hasWrk()) return;
  console.error('wrk missing: apt-get install -y wrk');
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'wrk'], { stdio: 'inherit' });
  if (!hasWrk()) throw new Error('wrk could not be installed');
}

function hasWrk(): boolean {
  try {
    execFileSync('wrk', ['--version'], { stdio: 'ignore' });
    return true;
  } catch (err) {
    // wrk --version exits 1 after printing its version.
    return (err as { status?: number }).status === 1;
  }
}

export interface WrkLoad {
  port: number;
  apiKey: string;
  clients: number;
  seconds: number;
  /** 1 posts to /v1/listings; more posts that many listings per /v1/listings/batch request. */
  perRequest: number;
}

export interface WrkResult {
  requests: number;
  /** Answers other than 202, and socket errors. */
  failures: number;
  seconds: number;
  p50: number;
  p99: number;
}

/** Runs wrk against the ingest endpoints with unique listings and returns its counts and latencies (ms). */
export async function wrkLoad(load: WrkLoad): Promise<WrkResult> {
  const dir = mkdtempSync(join(tmpdir(), 'll-wrk-'));
  try {
    const script = join(dir, 'ingest.lua');
    writeFileSync(script, luaScript(load));
    const { stdout } = await run('wrk', ['-t1', `-c${load.clients}`, `-d${load.seconds}s`, '-s', script, `http://127.0.0.1:${load.port}`]);
    const line = stdout.split('\n').find((l) => l.startsWith('{"requests"'));
    if (!line) throw new Error(`wrk printed no result:\n${stdout}`);
    return JSON.parse(line) as WrkResult;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function luaScript({ apiKey, perRequest }: WrkLoad): string {
  const path = perRequest === 1 ? '/v1/listings' : '/v1/listings/batch';
  return `
local run = tostring(os.time()) .. "-" .. tostring(math.random(1, 1e9))
local seq = 0
failures = 0 -- global: done() reads it per thread
wrk.method = "POST"
wrk.headers["content-type"] = "application/json"
wrk.headers["authorization"] = "Bearer ${apiKey}"

local function listing()
  seq = seq + 1
  local id = run .. "-" .. seq
  return '{"marketplace":"bench","externalId":"' .. id .. '","sellerId":"seller-' .. (seq % 1000) ..
    '","title":"Ceramic bowl, blue, 18 cm","price":{"amount":"24.90","currency":"EUR"},' ..
    '"images":[{"url":"https://cdn.example.com/img/' .. id .. '.jpg"}]}'
end

request = function()
  local body
  if ${perRequest} == 1 then
    body = listing()
  else
    local items = {}
    for i = 1, ${perRequest} do items[i] = listing() end
    body = '{"listings":[' .. table.concat(items, ",") .. ']}'
  end
  return wrk.format(nil, "${path}", nil, body)
end

response = function(status) if status ~= 202 then failures = failures + 1 end end

local threads = {}
setup = function(thread) table.insert(threads, thread) end

done = function(summary, latency)
  local failed = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  for _, t in ipairs(threads) do failed = failed + t:get("failures") end
  io.write(string.format('{"requests":%d,"failures":%d,"seconds":%.3f,"p50":%.3f,"p99":%.3f}\\n',
    summary.requests, failed, summary.duration / 1e6, latency:percentile(50) / 1e3, latency:percentile(99) / 1e3))
end
`;
}
