// A host page (the vendor's console) mounts parts of the portal from its own JavaScript, through
// the functions the portal's module exports (`window.wasmBindings` once Trunk's bootstrap ran),
// and takes them out again.
import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';
import { signIn } from './portal';
import { accounts } from '../support/accounts';

/** Mounts `what` (`mountChat` or `mountPortal`) into a fresh element of the host's, by id. */
async function mountFromHost(page: Page, what: 'mountChat' | 'mountPortal', id: string): Promise<void> {
  await page.evaluate(([fn, elementId]) => {
    const el = document.createElement('section');
    el.id = elementId;
    document.body.append(el);
    const w = window as unknown as Record<string, any>;
    w[elementId] = w.wasmBindings[fn](el, { apiBase: '/api/v1' });
  }, [what, id]);
}

test('a host page mounts the chat launcher from JavaScript and unmounts it, twice without harm', async ({ page }) => {
  await signIn(page, accounts.supportAdmin);
  await mountFromHost(page, 'mountChat', 'host-chat');
  const host = page.locator('#host-chat');
  await expect(host.getByRole('button', { name: /^Chat with support/ })).toBeVisible();
  await host.getByRole('button', { name: /^Chat with support/ }).click();
  await expect(host.getByRole('dialog')).toBeVisible();

  await page.evaluate(() => {
    const handle = (window as unknown as Record<string, any>)['host-chat'];
    handle.unmount();
    handle.unmount();
  });
  await expect(host).toBeEmpty();
  // The portal's own launcher is untouched.
  await expect(page.locator('#support-portal').getByRole('button', { name: /^Chat with support/ })).toBeVisible();
});

test('a host page mounts the whole portal into its own element from JavaScript and unmounts it', async ({ page }) => {
  await signIn(page, accounts.supportAdmin);
  await mountFromHost(page, 'mountPortal', 'host-portal');
  const host = page.locator('#host-portal');
  await expect(host.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
  await expect(host.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Cases' })).toBeVisible();
  await page.evaluate(() => (window as unknown as Record<string, any>)['host-portal'].unmount());
  await expect(host).toBeEmpty();
});
