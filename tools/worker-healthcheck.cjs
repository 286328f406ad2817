// docker-compose healthcheck of the worker: healthy while its heartbeat file (written every 10 s by
// apps/worker/src/heartbeat.service.ts while the scan worker runs and reaches Redis) is under 30 s old.
const { readFileSync } = require('node:fs');
const file = process.env.WORKER_HEARTBEAT_FILE || '/tmp/listinglens-worker.heartbeat';
try {
  const age = Date.now() - Number(readFileSync(file, 'utf8'));
  process.exit(age >= 0 && age < 30_000 ? 0 : 1);
} catch {
  process.exit(1);
}
