/**
 * Analyzes a BigQuery script (DECLARE, SET, IF, LOOP/WHILE/REPEAT/FOR, BEGIN…EXCEPTION…END,
 * CREATE TEMP TABLE, BREAK/LEAVE, ...). ZetaSQL's analyzer takes one statement at a time, so
 * the script is parsed as a whole, then walked: variables become catalog constants (typed by
 * their declaration or default), tables created along the way join the catalog with their
 * resolved columns, and every SQL statement and expression is analyzed in that scope.
 * Loop bodies are analyzed once. Positions in diagnostics are relative to the whole script.
 */
import { analyzeRaw, type AnalyzeFailure, type RawAnalysis } from './analyze.js';
import type { Catalog } from './catalog.js';
import { parseErrorDetails, SourceText } from './location.js';
import { byteRange, field, listField, messageField, unwrap, type Message } from './resolved.js';
import { GrpcCode, RpcFailure } from './rpc.js';
import type { ZetaSqlServer } from './server.js';
import { cleanTypeProto } from './types.js';
import type { TypeProto, TypeProto__Output } from './proto-types.js';

/** The whole script is valid; `statements` counts the statements analyzed (nested included). */
export interface ScriptSuccess {
  readonly ok: true;
  readonly statements: number;
}

export type ScriptResult = ScriptSuccess | AnalyzeFailure;

/** Analyzes `script` against `catalog` (which is not modified: temp tables go to a copy). */
export async function analyzeScript(zeta: ZetaSqlServer, script: string, catalog: Catalog): Promise<ScriptResult> {
  let parsed: Message;
  let scope: Catalog;
  try {
    const response = await zeta.rpc.parse({ sqlStatement: script, allowScript: true, options: zeta.languageOptions });
    parsed = response.parsedScript as unknown as Message;
    // The scope is re-registered after each DECLARE or CREATE: keep it to the tables used.
    scope = catalog.referencedSubset(await zeta.rpc.tableNames(script, zeta.languageOptions));
  } catch (error) {
    if (error instanceof RpcFailure && error.code === GrpcCode.INVALID_ARGUMENT) {
      return { ok: false, ...parseErrorDetails(error.details) };
    }
    throw error;
  }
  const walker = new ScriptWalker(zeta, new SourceText(script), scope);
  const failure = await walker.block(messageField(parsed, 'statementListNode'));
  return failure ?? { ok: true, statements: walker.count };
}

/** A failure, or undefined to go on. */
type Step = Promise<AnalyzeFailure | undefined>;

class ScriptWalker {
  count = 0;

  constructor(
    private readonly zeta: ZetaSqlServer,
    private readonly source: SourceText,
    private readonly scope: Catalog,
  ) {}

  /** A statement list; variables declared in it go out of scope at its end. */
  async block(list: Message | undefined): Step {
    const declared: string[] = [];
    try {
      for (const statement of list ? listField(list, 'statementList') : []) {
        const failure = await this.statement(statement, declared);
        if (failure) return failure;
      }
      return undefined;
    } finally {
      for (const name of declared) this.scope.removeConstant(name);
    }
  }

  private async statement(statement: Message, declared: string[]): Step {
    this.count++;
    const { kinds, node } = unwrap(statement);
    switch (kinds[kinds.length - 1]) {
      case 'astVariableDeclarationNode':
        return this.declare(node, declared);
      case 'astSingleAssignmentNode':
        return (await this.assigned(messageField(node, 'variable'))) ?? this.expression(messageField(node, 'expression'));
      case 'astAssignmentFromStructNode': {
        for (const variable of listField(messageField(node, 'variables') ?? {}, 'identifierList')) {
          const failure = await this.assigned(variable);
          if (failure) return failure;
        }
        return this.expression(messageField(node, 'structExpression'));
      }
      case 'astIfStatementNode':
        return this.sequence([
          () => this.expression(messageField(node, 'condition')),
          () => this.block(messageField(node, 'thenList')),
          ...listField(messageField(node, 'elseifClauses') ?? {}, 'elseifClauses').map((clause) => [
            () => this.expression(messageField(clause, 'condition')),
            () => this.block(messageField(clause, 'body')),
          ]).flat(),
          () => this.block(messageField(node, 'elseList')),
        ]);
      case 'astCaseStatementNode':
        return this.sequence([
          () => this.expression(messageField(node, 'expression')),
          ...listField(messageField(node, 'whenThenClauses') ?? {}, 'whenThenClauses').map((clause) => [
            () => this.expression(messageField(clause, 'condition')),
            () => this.block(messageField(clause, 'body')),
          ]).flat(),
          () => this.block(messageField(node, 'elseList')),
        ]);
      case 'astWhileStatementNode':
        return this.sequence([
          () => this.expression(messageField(node, 'condition')),
          () => this.block(messageField(node, 'body')),
        ]);
      case 'astRepeatStatementNode':
        return this.sequence([
          () => this.block(messageField(node, 'body')),
          () => this.expression(messageField(messageField(node, 'untilClause') ?? {}, 'condition')),
        ]);
      case 'astForInStatementNode':
        return this.forIn(node);
      case 'astBeginEndBlockNode':
        return this.sequence([
          () => this.block(messageField(node, 'statementListNode')),
          ...listField(messageField(node, 'handlerList') ?? {}, 'exceptionHandlerList').map(
            (handler) => () => this.block(messageField(handler, 'statementList')),
          ),
        ]);
      case 'astRaiseStatementNode':
        return this.expression(messageField(node, 'message'));
      case 'astBreakStatementNode':
      case 'astContinueStatementNode':
      case 'astReturnStatementNode':
        return undefined;
      default:
        return this.sqlStatement(statement);
    }
  }

  private async sequence(steps: (() => Step)[]): Step {
    for (const step of steps) {
      const failure = await step();
      if (failure) return failure;
    }
    return undefined;
  }

  /** DECLARE a, b [type] [DEFAULT expr]: typed by the declaration, else by the default. */
  private async declare(node: Message, declared: string[]): Step {
    const names = listField(messageField(node, 'variableList') ?? {}, 'identifierList').map((id) => String(id['idString']));
    const typeNode = messageField(node, 'type');
    let type: TypeProto | undefined;
    const defaultValue = messageField(node, 'defaultValue');
    if (defaultValue) {
      const analyzed = await this.analyzeExpression(defaultValue);
      if (!analyzed.ok) return analyzed;
      type = expressionType(analyzed);
    }
    if (typeNode) {
      // Resolve the written type by casting NULL to it; report problems at the type's position.
      const { start, end } = byteRange(typeNode);
      const analyzed = await analyzeRaw(this.zeta, this.scope, {
        sqlExpression: `CAST(NULL AS ${this.source.slice(start, end)})`,
      });
      if (!analyzed.ok) return { ok: false, message: analyzed.message, ...this.source.position(start) };
      type = expressionType(analyzed);
    }
    for (const name of names) {
      this.scope.addConstant(name, type!);
      declared.push(name);
    }
    return undefined;
  }

  /** The target of SET must have been declared. */
  private async assigned(identifier: Message | undefined): Step {
    const name = identifier ? String(identifier['idString']) : '';
    if (!identifier || this.scope.hasConstant(name)) return undefined;
    return { ok: false, message: `Undeclared variable: ${name}`, ...this.source.position(byteRange(identifier).start) };
  }

  /** FOR x IN (query) DO ... END FOR: x is a STRUCT of the query's columns inside the body. */
  private async forIn(node: Message): Step {
    const query = messageField(node, 'query');
    const { start, end } = byteRange(query ?? {});
    const analyzed = await analyzeRaw(this.zeta, this.scope, { sqlStatement: this.source.isolate(start, end) });
    if (!analyzed.ok) return analyzed;
    const name = String(messageField(node, 'variable')?.['idString']);
    this.scope.addConstant(name, {
      typeKind: 'TYPE_STRUCT',
      structType: { field: analyzed.columns.map((c) => ({ fieldName: c.name, fieldType: cleanTypeProto(c.type) })) },
    });
    try {
      return await this.block(messageField(node, 'body'));
    } finally {
      this.scope.removeConstant(name);
    }
  }

  private async expression(expression: Message | undefined): Step {
    if (!expression) return undefined;
    const analyzed = await this.analyzeExpression(expression);
    return analyzed.ok ? undefined : analyzed;
  }

  /** Analyzes an expression in place, so that error positions are script positions. */
  private analyzeExpression(expression: Message): Promise<RawAnalysis | AnalyzeFailure> {
    const { start, end } = byteRange(expression);
    return analyzeRaw(this.zeta, this.scope, { sqlExpression: this.source.isolate(start, end) });
  }

  /**
   * Any SQL statement (query, DDL, DML): analyzed from its offset in the script. Tables it
   * creates (temp or not) join the scope with their resolved columns; dropped ones leave it.
   */
  private async sqlStatement(statement: Message): Step {
    const analyzed = await analyzeRaw(this.zeta, this.scope, {
      parseResumeLocation: { input: this.source.text, bytePosition: byteRange(statement).start, allowResume: true },
    });
    if (!analyzed.ok) return analyzed;
    const path = field(analyzed.node, 'namePath');
    if (Array.isArray(path) && /^Create(Table|View|MaterializedView)/.test(analyzed.kind)) {
      this.scope.addZetaTable(
        path.map(String),
        analyzed.columns.map((c) => ({ name: c.name, type: cleanTypeProto(c.type) })),
      );
    } else if (Array.isArray(path) && analyzed.kind === 'DropStmt') {
      this.scope.removeTable(path.map(String));
    }
    return undefined;
  }
}

/** The type of an analyzed expression. */
function expressionType(analyzed: RawAnalysis): TypeProto {
  return cleanTypeProto(field(analyzed.node, 'type') as TypeProto__Output);
}
