import * as vscode from 'vscode';
import { findCommandBlocks } from '../../core/ops/guides/findCommandBlocks';
import { CONFIG_GUIDE_SECTIONS, configGuideSection, findActionMarkers, GUIDE_HOST_ACTIONS } from '../../core/ops/guides/guideLinks';
import { GUIDE_DOCUMENTS } from './openGuide';

export const CODE_LENS_SETTING = 'guides.codeLens';

/** Where the lenses apply: any Markdown file, and the config languages that have a guide section. */
export const GUIDE_LENS_SELECTOR: vscode.DocumentSelector = ['markdown', ...new Set(CONFIG_GUIDE_SECTIONS.map((s) => s.languageId))].map((language) => ({ language }));

/**
 * In Markdown: "Run on host..." and "Copy" above each fenced block of xe / dom0 commands, and a lens that
 * starts a host action's flow at each `<!-- xcpng:action ... -->` marker. In a config file: a lens on its
 * first line to the guide section the file belongs to.
 */
export class GuideCodeLensProvider implements vscode.CodeLensProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;

  /** The setting changed: VS Code asks again. */
  refresh(): void {
    this.changed.fire();
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (!vscode.workspace.getConfiguration('xcpng').get<boolean>(CODE_LENS_SETTING, true)) return [];
    if (document.languageId !== 'markdown') return this.configLenses(document);
    const actions = findActionMarkers(document.getText()).map(
      (marker) =>
        new vscode.CodeLens(new vscode.Range(marker.line, 0, marker.line, 0), {
          title: GUIDE_HOST_ACTIONS[marker.command] ?? marker.command,
          command: 'xcpng.guide.runHostAction',
          arguments: [marker.command],
        }),
    );
    return actions.concat(findCommandBlocks(document.getText()).flatMap((block, index) => {
      const range = new vscode.Range(block.fenceLine, 0, block.fenceLine, 0);
      return [
        new vscode.CodeLens(range, { title: 'Run on host...', command: 'xcpng.guide.runBlock', arguments: [document.uri, index] }),
        new vscode.CodeLens(range, { title: 'Copy', command: 'xcpng.guide.copyBlock', arguments: [document.uri, index] }),
      ];
    }));
  }

  private configLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const section = configGuideSection(document.languageId, document.getText());
    if (!section) return [];
    const title = GUIDE_DOCUMENTS.find((g) => g.file === section.guide)?.title ?? section.guide;
    return [
      new vscode.CodeLens(new vscode.Range(0, 0, 0, 0), {
        title: `Guide: ${title} › ${section.heading}`,
        tooltip: `Open media/guides/${section.guide} at "${section.heading}"`,
        command: 'xcpng.guide.openSection',
        arguments: [section.guide, section.heading],
      }),
    ];
  }

  dispose(): void {
    this.changed.dispose();
  }
}
