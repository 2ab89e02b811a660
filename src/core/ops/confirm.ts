/** A yes/no question before something destructive; the vscode layer shows it as a modal. */
export interface ConfirmQuestion {
  readonly message: string;
  readonly detail?: string;
  /** The button that says yes, as a verb ("Force Shut Down"). */
  readonly action: string;
}

export type Confirm = (question: ConfirmQuestion) => Promise<boolean>;
