import { expect, type Locator, type Page } from '@playwright/test';

export type ThemeName = 'System' | 'Light' | 'Dark';

/** The frame around every page: the user menu with its theme choice. */
export class AppShell {
  constructor(private readonly page: Page) {}

  get userMenuButton(): Locator {
    return this.page.getByRole('button', { name: 'User menu' });
  }

  /** User menu → Theme → `name`; the menu stays open to show the choice, Escape closes it. */
  async chooseTheme(name: ThemeName): Promise<void> {
    await this.userMenuButton.click();
    const option = this.page.getByRole('menuitemradio', { name, exact: true });
    await option.click();
    await expect(option).toHaveAttribute('aria-checked', 'true');
    await this.page.keyboard.press('Escape');
  }

  /** Whether the page is shown dark (the `dark` class on <html>). */
  async isDark(): Promise<boolean> {
    return this.page.evaluate(() => document.documentElement.classList.contains('dark'));
  }

  /**
   * The WCAG contrast ratio between an element's text and the background it sits on (the first
   * ancestor with an opaque background), colours as the browser paints them.
   */
  async contrastOf(element: Locator): Promise<number> {
    return element.evaluate((el) => {
      const canvas = document.createElement('canvas');
      canvas.width = canvas.height = 1;
      const ctx = canvas.getContext('2d', { willReadFrequently: true });
      if (!ctx) throw new Error('no 2d context');
      const rgba = (color: string) => {
        ctx.clearRect(0, 0, 1, 1);
        ctx.fillStyle = color;
        ctx.fillRect(0, 0, 1, 1);
        return Array.from(ctx.getImageData(0, 0, 1, 1).data);
      };
      const luminance = ([r = 0, g = 0, b = 0]: number[]) => {
        const lin = (c: number) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
        return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
      };
      let node: Element | null = el;
      let background = [255, 255, 255, 255];
      while (node) {
        const color = rgba(getComputedStyle(node).backgroundColor);
        if ((color[3] ?? 0) > 200) {
          background = color;
          break;
        }
        node = node.parentElement;
      }
      const [a, b] = [luminance(rgba(getComputedStyle(el).color)), luminance(background)];
      return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    });
  }
}
