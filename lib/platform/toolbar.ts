/** The toolbar button: its icon and title follow the settings; its badge counts a tab's passages. */
import { browser } from 'wxt/browser';

type ActionApi = typeof browser.action;

export function actionApi(): ActionApi {
  return (browser.action ?? (browser as unknown as { browserAction: ActionApi }).browserAction) as ActionApi;
}

const icons = (state: 'on' | 'off') => ({ 16: `/icons/${state}-16.png`, 32: `/icons/${state}-32.png` });

export async function showEnabled(enabled: boolean): Promise<void> {
  const action = actionApi();
  await action.setIcon({ path: icons(enabled ? 'on' : 'off') });
  await action.setTitle({ title: enabled ? 'Counterpoint: notes on (click to turn off)' : 'Counterpoint: notes off (click to turn on)' });
  if (!enabled) await action.setBadgeText({ text: '' });
}

export async function showCount(tabId: number, count: number): Promise<void> {
  const action = actionApi();
  await action.setBadgeBackgroundColor({ tabId, color: '#3b5b92' });
  await action.setBadgeText({ tabId, text: count > 0 ? String(count) : '' });
}
