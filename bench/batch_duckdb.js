// DuckDB (npm @duckdb/node-api) on bench/batch_workload.py's workload, for bench/batch.sh: the
// join and GROUP BY a user would write for magnesium per person-day (grams x mg per 100 g / 100,
// summed; entries of foods without a value counted, as SUM skips their NULLs).
//
//   node bench/batch_duckdb.js NODE_DIR memory WORKLOAD_DIR RUNS
//       Loads entries.csv and foods.csv into tables (not timed), then runs the query RUNS times
//       with all threads and RUNS times with one, each into a new table (CREATE OR REPLACE TABLE
//       ... AS), and prints JSON: the times in seconds, the peak resident memory while the
//       queries ran (the kernel's high-water mark reset after the load), and checksums.
//   node bench/batch_duckdb.js NODE_DIR csv WORKLOAD_DIR RESULTS_CSV
//       The whole path from the files: read_csv of both files, the join and GROUP BY, COPY to
//       RESULTS_CSV. Timed from outside, as one process.
//
// NODE_DIR is where `npm install --prefix NODE_DIR @duckdb/node-api` put the package.
'use strict';

const fs = require('fs');
const path = require('path');

const [nodeDir, mode, workload, last] = process.argv.slice(2);
const { DuckDBInstance } = require(require.resolve('@duckdb/node-api', { paths: [path.resolve(nodeDir)] }));

const quote = (file) => `'${path.resolve(file).replace(/'/g, "''")}'`;
const entriesCsv = quote(path.join(workload, 'entries.csv'));
const foodsCsv = quote(path.join(workload, 'foods.csv'));

// The columns as mgcalc's in-memory API has them: 4-byte person, day and food, 8-byte grams.
const entryColumns = "{'person': 'UINTEGER', 'date': 'DATE', 'food': 'UINTEGER', 'grams': 'DOUBLE'}";
const foodColumns = "{'id': 'UINTEGER', 'mg_per_100g': 'DOUBLE'}";

const perPersonDay = (entries, foods) => `
  SELECT e.person, e.date,
         sum(e.grams * f.mg_per_100g / 100) AS food_mg,
         count(*) - count(f.mg_per_100g) AS unknown_entries
  FROM ${entries} AS e JOIN ${foods} AS f ON f.id = e.food
  GROUP BY e.person, e.date`;

function statusBytes(field) {
  const line = fs.readFileSync('/proc/self/status', 'utf8').split('\n').find((l) => l.startsWith(field + ':'));
  return line ? Number(line.split(/\s+/)[1]) * 1024 : 0;
}

async function memory(connection, runs) {
  await connection.run(`CREATE TABLE entries AS SELECT * FROM read_csv(${entriesCsv}, header = true, columns = ${entryColumns})`);
  await connection.run(`CREATE TABLE foods AS SELECT * FROM read_csv(${foodsCsv}, header = true, columns = ${foodColumns})`);
  const out = { engine: 'duckdb', version: null, rss_loaded: statusBytes('VmRSS') };
  out.version = (await connection.runAndReadAll('SELECT version()')).getRows()[0][0];
  const query = `CREATE OR REPLACE TABLE result AS ${perPersonDay('entries', 'foods')}`;
  for (const [name, threads] of [['all_threads', null], ['one_thread', 1]]) {
    if (threads !== null) await connection.run(`SET threads = ${threads}`);
    const used = (await connection.runAndReadAll("SELECT current_setting('threads')")).getRows()[0][0];
    fs.writeFileSync('/proc/self/clear_refs', '5');
    const times = [];
    for (let run = 0; run < runs; ++run) {
      const started = process.hrtime.bigint();
      await connection.run(query);
      times.push(Number(process.hrtime.bigint() - started) / 1e9);
    }
    const sums = (await connection.runAndReadAll(
      'SELECT count(*), sum(food_mg), sum(unknown_entries) FROM result')).getRows()[0];
    out[name] = {
      threads: Number(used), times, peak_rss: statusBytes('VmHWM'),
      person_days: Number(sums[0]), food_mg: Number(sums[1]), unknown_entries: Number(sums[2]),
    };
  }
  return out;
}

async function main() {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  if (mode === 'memory') {
    console.log(JSON.stringify(await memory(connection, Number(last || 5))));
  } else if (mode === 'csv') {
    const entries = `read_csv(${entriesCsv}, header = true)`;
    const foods = `read_csv(${foodsCsv}, header = true)`;
    await connection.run(`COPY (${perPersonDay(entries, foods)}) TO ${quote(last)} (HEADER)`);
  } else {
    throw new Error(`unknown mode ${mode}`);
  }
  connection.closeSync();
}

main().catch((e) => {
  console.error(`batch_duckdb: ${e.stack || e}`);
  process.exit(1);
});
