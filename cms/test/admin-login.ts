import type { Page } from 'playwright-core';

/** Logs `page` into the admin at `cmsUrl` as a user, through the login form, and waits for the panel. */
export async function adminLogin(page: Page, cmsUrl: string, as: { email: string; password: string }): Promise<void> {
  await page.goto(`${cmsUrl}/admin/auth/login`);
  await page.getByLabel('Email').fill(as.email);
  await page.getByLabel('Password').fill(as.password);
  await page.getByRole('button', { name: 'Login' }).click();
  await page.waitForURL((url) => !url.pathname.includes('/auth/'), { timeout: 60_000 });
}
