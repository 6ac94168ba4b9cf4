/**
 * Parseltongue benchmarks: a generated module against hand-written Java peers in one JMH run, and
 * the save-to-serving harness that edits a module in a real stack's watched folder and times
 * until the new revision answers. Figures: {@code docs/performance.md}.
 */
package io.hallows.bench.pt;
