import type * as vscode from 'vscode';
import { State, type BaseLanguageClient } from 'vscode-languageclient';
import { DocumentAnswersNotification, type DocumentAnswers } from '../../common/src/protocol';

/**
 * What the user told New Policy about the documents it opened, kept for the session and told
 * again to a restarted server, which starts knowing nothing.
 */
export class DocumentAnswersStore implements vscode.Disposable {
  private readonly answers = new Map<string, DocumentAnswers>();
  private readonly subscription: vscode.Disposable;

  constructor(private readonly client: BaseLanguageClient) {
    this.subscription = client.onDidChangeState(({ newState }) => {
      if (newState === State.Running) for (const answers of this.answers.values()) void this.send(answers);
    });
  }

  async tell(answers: DocumentAnswers): Promise<void> {
    this.answers.set(answers.uri, answers);
    await this.send(answers);
  }

  private send(answers: DocumentAnswers): Promise<void> {
    return this.client.sendNotification(DocumentAnswersNotification.type, answers);
  }

  dispose(): void {
    this.subscription.dispose();
  }
}
