/** The sign-in form (the first screen on a device without a session). */
import type { Locator, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../helpers/e2e-app.ts';
import { AppShell } from './app-shell.ts';
import type { Lang } from './texts.ts';

export class LoginPage extends AppShell {
  constructor(page: Page, lang: Lang = 'it') {
    super(page, lang);
  }

  get username(): Locator {
    return this.page.getByLabel(this.t('login.username'));
  }

  get password(): Locator {
    return this.page.getByLabel(this.t('login.password'), { exact: true });
  }

  get submit(): Locator {
    return this.main.getByRole('button', { name: this.t('login.submit') });
  }

  /** The form's alert (wrong credentials, offline, another user's unsynced work). */
  get alert(): Locator {
    return this.main.getByRole('alert');
  }

  async goto(): Promise<void> {
    await this.page.goto('/');
    await this.username.waitFor();
  }

  /** Fills the form and submits it; resolves when the signed-in shell (the sync strip) shows. */
  async signIn(username: string, password = DEMO_PASSWORD): Promise<void> {
    await this.username.fill(username);
    await this.password.fill(password);
    await this.submit.click();
    await this.syncStatus.waitFor();
  }
}
