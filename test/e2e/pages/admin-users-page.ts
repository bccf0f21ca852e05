/** The admin's users and sessions page (/amministrazione/utenti). */
import type { Locator, Page } from 'playwright-core';
import { adminText, type AdminMessageKey } from './admin-texts.ts';
import { AppShell } from './app-shell.ts';
import type { Lang } from './texts.ts';

export interface NewUser {
  username: string;
  displayName: string;
  /** The role as the select shows it (e.g. "Istruttore"). */
  roleLabel: string;
  areaNames: string[];
  password: string;
}

export class AdminUsersPage extends AppShell {
  constructor(page: Page, lang: Lang = 'it') {
    super(page, lang);
  }

  a(key: AdminMessageKey, params: Record<string, string | number> = {}): string {
    return adminText(this.lang, key, params);
  }

  async goto(): Promise<void> {
    await this.page.goto('/amministrazione/utenti');
    await this.waitForLoaded();
  }

  async waitForLoaded(): Promise<void> {
    await this.waitForTitle(this.a('admin.users.pageTitle'));
    await this.userCards.first().waitFor();
  }

  get userCards(): Locator {
    return this.main
      .getByRole('region', { name: this.a('admin.users.title'), exact: true })
      .getByRole('listitem');
  }

  /** The card of one user, by display name (its heading). */
  userCard(displayName: string): Locator {
    return this.main.getByRole('listitem', { name: displayName, exact: true });
  }

  get sessionsTable(): Locator {
    return this.main.getByRole('table');
  }

  async createUser(user: NewUser): Promise<void> {
    await this.main.getByRole('button', { name: this.a('admin.users.new'), exact: true }).click();
    const form = this.main.getByRole('form', { name: this.a('admin.users.newTitle') });
    await form.getByLabel(this.a('admin.users.username')).fill(user.username);
    await form.getByLabel(this.a('admin.users.displayName')).fill(user.displayName);
    await form.getByLabel(this.a('admin.users.role')).selectOption({ label: user.roleLabel });
    for (const name of user.areaNames) await form.getByRole('checkbox', { name }).check();
    await form.getByLabel(this.a('admin.users.initialPassword')).fill(user.password);
    await form.getByRole('button', { name: this.a('admin.users.create') }).click();
    await this.main.getByText(this.a('admin.users.created', { username: user.username })).waitFor();
  }

  async deactivate(displayName: string): Promise<void> {
    const card = this.userCard(displayName);
    await card.getByRole('button', { name: new RegExp(`^${this.a('admin.users.deactivate')}`) }).click();
    await card.getByText(this.a('admin.users.deactivated', { name: displayName })).waitFor();
  }
}
