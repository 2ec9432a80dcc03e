import type { Reporter, TestModule } from 'vitest/node';

/**
 * Prints how long each test file took, slowest first, when the run ends, so a file that grows
 * slow is seen in the run that made it slow. The time is the file's wall time, from its worker
 * starting it to its last hook: the sum of its tests' durations would count tests that run
 * concurrently (the page checks) more than once, and would leave out its imports and its
 * beforeAll hooks (a fixture build), which are often most of a file's time.
 */
export default class FileTimes implements Reporter {
  private readonly started = new Map<string, number>();
  private readonly took = new Map<string, number>();
  private runStarted = 0;

  onTestRunStart(): void {
    this.runStarted = performance.now();
  }

  onTestModuleStart(module: TestModule): void {
    this.started.set(module.moduleId, performance.now());
  }

  onTestModuleEnd(module: TestModule): void {
    const start = this.started.get(module.moduleId);
    if (start !== undefined) this.took.set(module.moduleId, performance.now() - start);
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const rows = modules
      .map((m) => ({ file: m.relativeModuleId, project: m.project.name, ms: this.took.get(m.moduleId) ?? m.diagnostic().duration, tests: [...m.children.allTests()].length }))
      .sort((a, b) => b.ms - a.ms);
    if (rows.length === 0) return;
    const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`.padStart(8);
    const width = Math.max(...rows.map((r) => r.file.length));
    const lines = rows.map((r) => `${seconds(r.ms)}  ${r.file.padEnd(width)}  ${r.project.padEnd(7)} ${String(r.tests).padStart(5)} tests`);
    console.log(`\nfile times (wall, slowest first; the run took ${seconds(performance.now() - this.runStarted).trim()}):\n${lines.join('\n')}\n`);
  }
}
