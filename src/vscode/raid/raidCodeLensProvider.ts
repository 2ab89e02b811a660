import * as vscode from 'vscode';

/**
 * "Generate from mdadm.conf" above a dracut config, and "Generate dracut_mdraid.conf" above an mdadm.conf:
 * the one step of the RAID guide that is pure transcription.
 */
export class RaidCodeLensProvider implements vscode.CodeLensProvider {
  static readonly selector: vscode.DocumentSelector = [
    { language: 'dracut-conf', scheme: 'file' },
    { language: 'mdadm-conf', scheme: 'file' },
  ];

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const title = document.languageId === 'mdadm-conf' ? 'Generate dracut_mdraid.conf' : 'Generate from mdadm.conf';
    return [
      new vscode.CodeLens(new vscode.Range(0, 0, 0, 0), {
        title,
        command: 'xcpng.raid.generateDracutMdraid',
        arguments: [document.uri],
        tooltip: 'Write the RAID guide\'s dracut drop-in (mdraid module, md drivers, add_device and rd.md.uuid per ARRAY) from mdadm.conf',
      }),
    ];
  }
}
