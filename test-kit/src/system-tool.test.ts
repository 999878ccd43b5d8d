import { afterEach, describe, expect, it, vi } from 'vitest';
import { needTool } from './system-tool.ts';

const nginx = (installed: boolean) => ({
  name: 'nginx',
  installed,
  variable: 'STACKGUIDE_REQUIRE_TEST_TOOL',
  install: 'apt-get install nginx-light',
});

afterEach(() => {
  delete process.env.STACKGUIDE_REQUIRE_TEST_TOOL;
  vi.restoreAllMocks();
});

describe('needTool', () => {
  it('runs the tests when the package is installed', () => {
    process.env.STACKGUIDE_REQUIRE_TEST_TOOL = '1';
    expect(needTool(nginx(true))).toBe(true);
  });

  it('skips them with a notice naming the package where it is missing and not required', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(needTool(nginx(false))).toBe(false);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('nginx is not installed (apt-get install nginx-light)'));
  });

  it('fails where the environment requires them (CI), so a lane never passes by not running', () => {
    process.env.STACKGUIDE_REQUIRE_TEST_TOOL = '1';
    expect(() => needTool(nginx(false))).toThrow('STACKGUIDE_REQUIRE_TEST_TOOL=1 requires its tests to run');
  });
});
