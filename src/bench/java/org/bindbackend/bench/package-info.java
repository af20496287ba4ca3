/**
 * The benchmark harness ({@code src/bench/run}, {@code docs/benchmarks.md}): starts each system on 127.0.0.1,
 * drives it with one load generator ({@link org.bindbackend.bench.Load}), and writes the results, a table and a
 * chart under {@code target/bench}. Not part of the test suite: the Maven profile {@code bench} compiles it with
 * the tests and runs {@link org.bindbackend.bench.Bench}.
 */
package org.bindbackend.bench;
