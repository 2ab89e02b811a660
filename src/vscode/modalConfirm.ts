import * as vscode from 'vscode';
import type { ConfirmQuestion } from '../core/ops/confirm';

/**
 * Core's Confirm as a VS Code modal. Extension-host tests put their answer in front (`override`) since a
 * modal cannot be clicked from inside the host; the UI smoke test clicks the real one.
 */
export class ModalConfirm {
  override: ((question: ConfirmQuestion) => Promise<boolean>) | undefined;

  readonly confirm = async (question: ConfirmQuestion): Promise<boolean> => {
    if (this.override) return this.override(question);
    const choice = await vscode.window.showWarningMessage(question.message, { modal: true, detail: question.detail }, question.action);
    return choice === question.action;
  };
}
