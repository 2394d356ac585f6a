// Adds what a scaffold request asks for to a routes file without touching what is there. ts-morph
// parses the file and finds things (routes by marker or method + path, the webhook handler map,
// imports, helpers, the Hono app); the changes are plain text insertions at the positions it finds,
// so the user's formatting, comments and handler bodies stay byte-for-byte as they were.
import { Node, Project, SyntaxKind, ts, type ImportDeclaration, type ObjectLiteralExpression, type SourceFile, type Statement } from 'ts-morph';
import { SvcgenInputError } from '../load/errors.ts';
import type { ApiModel, OperationModel } from '../model/types.ts';
import { webhookNames } from '../emit/routes.ts';
import { applyEdits, type TextEdit } from './edits.ts';
import { HELPER_ORDER, helperImports, helperSource, IMPORTED_HELPERS, type HelperName } from './helpers.ts';
import { honoPath, mixedSegmentSample } from './inputs.ts';
import { defaultRequestValidatorName, eventStubs, ROUTE_MARKER, routeStub, WEBHOOKS_MARKER, webhookSecretBinding, webhookSection } from './stubs.ts';

export interface MergeRequest {
  model: ApiModel;
  document: Record<string, any>;
  operations: OperationModel[];
  webhooks: boolean;
  events: string[];
  /** Module specifiers of the generated files, as this file imports them (`../generated/<vendor>`). */
  generatedSpecifier: string;
  /** Operation id → request validator export of schemas.js, as schemas.d.ts names them; a default name otherwise. */
  requestValidatorNames?: ReadonlyMap<string, string>;
}

export interface MergeOutcome {
  text: string;
  addedRoutes: string[];
  /** Requested routes the file already has (left as they are). */
  presentRoutes: string[];
  addedEvents: string[];
  presentEvents: string[];
  addedWebhookSection: boolean;
  addedHelpers: HelperName[];
  addedImports: string[];
  /** Bindings added to the file's `Bindings` interface (secrets the added code reads). */
  addedBindings: string[];
  /** Routes in the file (by marker) that this request did not ask for: kept, never removed. */
  unrequestedRoutes: string[];
  unrequestedEvents: string[];
  /** Markers naming an operation the model no longer has. */
  unknownMarkers: string[];
  /**
   * Added routes that an earlier route answers first (Hono matches in order): one in the file, or
   * one added by the same request (`byRoute`, its operation id) that could not go after it.
   * `identical`: the earlier route has the same method and path (operations whose path keys differ
   * only after a `#`), so no request ever reaches this one.
   */
  shadowed: Shadowed[];
}

export interface Shadowed {
  id: string;
  /** The earlier route's method and Hono path (`GET /items/:id`). */
  by: string;
  byRoute?: string;
  identical?: true;
}

/** What `svcgen scaffold` and `svcgen init` print for a shadowed route. */
export function shadowedText({ id, by, byRoute, identical }: Shadowed): string {
  const earlier = `'${by}'${byRoute ? ` (route ${byRoute})` : ''}`;
  return identical
    ? `route ${id} has the same method and path as ${earlier}, which Hono matches first: no request reaches ${id} (serve both from one route, or give ${id} a path of its own)`
    : `route ${id} comes after ${earlier}, which Hono matches first: move ${id} above it`;
}

interface NeededImport {
  module: string;
  name: string;
  typeOnly: boolean;
}

const ROUTE_METHODS = new Set(['get', 'post', 'put', 'delete', 'patch', 'options', 'all', 'on']);
// An id is written as it is, or as a JSON string when it holds a space or a quote (markerId).
const MARKER_LINE = new RegExp(`^[ \\t]*//[ \\t]*${ROUTE_MARKER}[ \\t]+("(?:[^"\\\\]|\\\\.)*"|\\S+)`, 'gm');
const NEW_IMPORT_WIDTH = 100;
/** The Hono env type the skeleton declares. */
const ENV_TYPE = 'AppEnv';
/** The Analytics Engine binding the skeleton declares (optional in `Bindings`). */
const ANALYTICS_BINDING = 'ANALYTICS';

export function mergeScaffold(fileName: string, text: string, request: MergeRequest): MergeOutcome {
  const file = parse(fileName, text);
  const { model } = request;
  const names = webhookNames(model);
  const edits: TextEdit[] = [];
  const imports: NeededImport[] = [];
  const helpers = new Set<HelperName>();

  const appName = findAppName(file);
  const markers = [...text.matchAll(MARKER_LINE)].map((m) => readMarkerId(m[1]!));
  const registered = registeredRoutes(file);
  const known = new Set(model.operations.map((o) => o.id));

  // ---- routes ----
  // A registration is one operation's route: the one whose marker the file has, or else the first
  // requested with its method and path; another operation with the same route (path keys that
  // differ only after a `#`) is not there yet.
  const marked = new Set(markers);
  const claimed = new Map<string, number>();
  const claim = (key: string) => claimed.set(key, (claimed.get(key) ?? 0) + 1);
  for (const o of model.operations) if (marked.has(o.id)) claim(operationKey(o));
  const presentRoutes: OperationModel[] = [];
  const newRoutes: OperationModel[] = [];
  for (const op of request.operations) {
    const key = operationKey(op);
    if (marked.has(op.id)) presentRoutes.push(op);
    else if (registered.filter((r) => r.key === key).length > (claimed.get(key) ?? 0)) {
      presentRoutes.push(op);
      claim(key);
    } else insertBeforeShadowing(newRoutes, op);
  }
  const shadowed = newRoutes.flatMap((op, i): Shadowed[] => {
    const method = op.method.toUpperCase();
    const path = honoPath(op.path);
    const key = routeKey(method, path);
    const existing = registered.find((r) => r.method === method && (r.key === key || shadows(r.path, path)));
    if (existing) return [{ id: op.id, by: `${existing.method} ${existing.path}`, ...(existing.key === key ? { identical: true as const } : {}) }];
    const earlier = newRoutes.slice(0, i).find((o) => o.method === op.method && (operationKey(o) === key || shadows(honoPath(o.path), path)));
    if (!earlier) return [];
    return [{ id: op.id, by: `${method} ${honoPath(earlier.path)}`, byRoute: earlier.id, ...(operationKey(earlier) === key ? { identical: true as const } : {}) }];
  });
  const webhookCall = findCall(file, names.routes);
  const webhookStatement = webhookCall ? topLevelStatement(webhookCall) : findMarkedStatement(file, WEBHOOKS_MARKER);
  const exportDefault = file.getStatements().find((s) => Node.isExportAssignment(s));
  if (newRoutes.length) {
    // A file with a route chain (`const routes = app.post(…)…`, what the skeleton starts) gets new
    // links at the chain's end, so `typeof routes` keeps every route for `hc`; other files get
    // statements after their last route.
    const chain = findRouteChain(file, appName);
    const stubs = newRoutes.map((op) =>
      routeStub(op, request.document, {
        appName: chain ? undefined : appName,
        validator: request.requestValidatorNames?.get(op.id) ?? defaultRequestValidatorName(op),
        generatedSpecifier: request.generatedSpecifier,
      }),
    );
    for (const stub of stubs) {
      for (const h of stub.helpers) helpers.add(h);
      imports.push(...stub.imports);
    }
    const lastRoute = lastRouteStatement(file, appName);
    const before = webhookStatement ?? exportDefault;
    if (chain) edits.push({ pos: chain.getEnd(), text: `\n${stubs.map((s) => s.text).join('\n')}` });
    else {
      const body = stubs.map((s) => s.text).join('\n\n');
      if (lastRoute) edits.push({ pos: lastRoute.getEnd(), text: `\n\n${body}` });
      else if (before) edits.push({ pos: leadingStart(before), text: `${body}\n\n` });
      else edits.push(appendAtEnd(text, body));
    }
  }

  // ---- webhooks ----
  const addedBindings: string[] = [];
  const presentEvents: string[] = [];
  const newEvents: string[] = [];
  let addedWebhookSection = false;
  const handlerMap = webhookCall ? handlersObject(webhookCall) : undefined;
  const existingEvents = handlerMap ? propertyNames(handlerMap) : [];
  if (request.webhooks) {
    for (const event of request.events) (existingEvents.includes(event) ? presentEvents : newEvents).push(event);
    if (!webhookCall && webhookStatement) {
      // The user kept the marker but replaced the call: their receiver, not ours to extend.
      if (newEvents.length) {
        const { line } = file.getLineAndColumnAtPos(webhookStatement.getStart());
        throw new SvcgenInputError({ file: fileName, line }, `cannot add webhook handlers: no ${names.routes}(…) call after the '${WEBHOOKS_MARKER}' marker`);
      }
    } else if (!webhookCall) {
      addedWebhookSection = true;
      imports.push({ module: `${request.generatedSpecifier}/routes.ts`, name: names.routes, typeOnly: false });
      const envType = file.getTypeAlias(ENV_TYPE) || file.getInterface(ENV_TYPE) ? ENV_TYPE : undefined;
      const analytics = file.getInterface('Bindings')?.getProperty(ANALYTICS_BINDING) ? ANALYTICS_BINDING : undefined;
      const section = webhookSection(model, appName, newEvents, envType, analytics);
      if (exportDefault) edits.push({ pos: leadingStart(exportDefault), text: `${section}\n\n` });
      else edits.push(appendAtEnd(text, section));
      const binding = declareBinding(file, text, webhookSecretBinding(model));
      if (binding) {
        edits.push(binding);
        addedBindings.push(webhookSecretBinding(model));
      }
    } else if (newEvents.length) {
      if (!handlerMap) {
        const { line } = file.getLineAndColumnAtPos(webhookCall.getStart());
        throw new SvcgenInputError(
          { file: fileName, line },
          `cannot add webhook handlers: the options of ${names.routes}(…) need a 'handlers: { … }' object literal`,
        );
      }
      edits.push(addProperties(text, handlerMap, newEvents));
    }
  }

  // ---- helpers and imports ----
  const declared = new Set([...file.getFunctions().map((f) => f.getName()), ...file.getVariableDeclarations().map((v) => v.getName())]);
  const addedHelpers = HELPER_ORDER.filter((h) => helpers.has(h) && !declared.has(h));
  for (const h of IMPORTED_HELPERS) if (helpers.has(h)) imports.push(...helperImports(h));
  if (addedHelpers.length) {
    for (const h of addedHelpers) imports.push(...helperImports(h));
    const source = addedHelpers.map(helperSource).join('\n\n');
    const appStatement = file.getVariableStatements().find((s) => s.getDeclarations().some((d) => d.getName() === appName));
    if (appStatement) edits.push({ pos: leadingStart(appStatement), text: `${source}\n\n` });
    else {
      const lastImport = file.getImportDeclarations().at(-1);
      edits.push(lastImport ? { pos: lastImport.getEnd(), text: `\n\n${source}` } : { pos: 0, text: `${source}\n\n` });
    }
  }
  const addedImports = addImports(file, text, imports, edits);

  const requestedIds = new Set(request.operations.map((o) => o.id));
  return {
    text: applyEdits(text, edits),
    addedRoutes: newRoutes.map((o) => o.id),
    presentRoutes: presentRoutes.map((o) => o.id),
    addedEvents: newEvents,
    presentEvents,
    addedWebhookSection,
    addedHelpers,
    addedImports,
    addedBindings,
    unrequestedRoutes: unique(markers.filter((m) => known.has(m) && !requestedIds.has(m))),
    unrequestedEvents: request.webhooks ? existingEvents.filter((e) => !request.events.includes(e)) : [],
    unknownMarkers: unique(markers.filter((m) => !known.has(m))),
    shadowed,
  };
}

/**
 * The initializer of `const <name> = <app>…`: the app itself or a chain of route registrations on
 * it (the skeleton's `const routes = app`), whose end is where new chained routes go.
 */
function findRouteChain(file: SourceFile, appName: string): Node | undefined {
  for (const declaration of file.getVariableDeclarations()) {
    if (declaration.getName() === appName) continue;
    const init = declaration.getInitializer();
    let node: Node | undefined = init;
    while (node && Node.isCallExpression(node)) {
      const callee = node.getExpression();
      if (!Node.isPropertyAccessExpression(callee) || !ROUTE_METHODS.has(callee.getName())) break;
      node = callee.getExpression();
    }
    if (init && node && Node.isIdentifier(node) && node.getText() === appName) return init;
  }
  return undefined;
}

/** An edit declaring `name: string;` in the file's `interface Bindings`, unless it is there or there is no such interface. */
function declareBinding(file: SourceFile, text: string, name: string): TextEdit | undefined {
  const bindings = file.getInterface('Bindings');
  if (!bindings || bindings.getProperty(name) || bindings.getProperty(`'${name}'`)) return undefined;
  const last = bindings.getMembers().at(-1);
  const close = bindings.getEnd() - 1;
  if (!last) return { pos: close, text: `  ${name}: string;\n` };
  return { pos: last.getEnd(), text: `\n${indentationAt(text, last.getStart())}${name}: string;` };
}

function parse(fileName: string, text: string): SourceFile {
  const project = new Project({ useInMemoryFileSystem: true, skipFileDependencyResolution: true, compilerOptions: { noLib: true } });
  const file = project.createSourceFile('/routes.ts', text);
  const problem = project.getProgram().getSyntacticDiagnostics(file)[0];
  if (problem) {
    const start = problem.getStart();
    const where = start === undefined ? {} : file.getLineAndColumnAtPos(start);
    const message = problem.getMessageText();
    throw new SvcgenInputError(
      { file: fileName, ...where },
      `not parseable as TypeScript: ${typeof message === 'string' ? message : message.getMessageText()}`,
    );
  }
  return file;
}

/** The variable holding `new Hono…`; routes are registered on it. */
function findAppName(file: SourceFile): string {
  for (const declaration of file.getVariableDeclarations()) {
    const init = declaration.getInitializer();
    if (init && /^new\s+Hono\b/.test(init.getText())) return declaration.getName();
  }
  return 'app';
}

interface Registered {
  method: string;
  path: string;
  /** Method and path with parameter names dropped: `/a/:id` and `/a/:intent` are one route. */
  key: string;
}

// Only a segment's leading `:` starts a parameter (`/v1/images:annotate` is text), and a parameter's
// pattern stays in the key (`:name{…:cancel}` and `:name{…:resume}` are two routes).
function routeKey(method: string, path: string): string {
  return `${method.toUpperCase()} ${path.replace(/(^|\/):[^/{]+/g, '$1:')}`;
}

function operationKey(op: OperationModel): string {
  return routeKey(op.method, honoPath(op.path));
}

/** A marker's operation id: a JSON string read as one, else the word as written. */
function readMarkerId(text: string): string {
  if (!text.startsWith('"')) return text;
  try {
    return JSON.parse(text) as string;
  } catch {
    return text;
  }
}

/**
 * Every call expression of the file, in source order, walked with a stack of the compiler's nodes:
 * a route chain of a few thousand links nests deeper than ts-morph's recursive walks have stack for.
 */
function callExpressions(file: SourceFile): ts.CallExpression[] {
  const found: ts.CallExpression[] = [];
  const stack: ts.Node[] = [file.compilerNode];
  while (stack.length) {
    const node = stack.pop()!;
    if (ts.isCallExpression(node)) found.push(node);
    node.forEachChild((child) => {
      stack.push(child);
    });
  }
  return found.sort((a, b) => a.pos - b.pos || b.end - a.end);
}

/** Every `x.get('/path', …)`-style registration in the file, wherever it is. */
function registeredRoutes(file: SourceFile): Registered[] {
  const found: Registered[] = [];
  for (const call of callExpressions(file)) {
    const callee = call.expression;
    if (!ts.isPropertyAccessExpression(callee)) continue;
    const method = callee.name.text;
    if (!ROUTE_METHODS.has(method)) continue;
    const args = call.arguments.map((a) => (ts.isStringLiteral(a) || ts.isNoSubstitutionTemplateLiteral(a) ? a.text : undefined));
    const [verb, path] = method === 'on' ? [args[0], args[1]] : [method, args[0]];
    if (verb && path?.startsWith('/')) found.push({ method: verb.toUpperCase(), path, key: routeKey(verb, path) });
  }
  return found;
}

/**
 * Does a route at `pattern`, another route than `path` (routeKey), answer every request meant for
 * `path`? `/a/:id` does for `/a/search`, `/a/:id{[^\x2F]+?\.json}` for `/a/search.json`.
 */
function shadows(pattern: string, path: string): boolean {
  const a = pattern.split('/');
  const b = path.split('/');
  if (a.at(-1) === '*') return a.slice(0, -1).every((segment, i) => i < b.length && covers(segment, b[i]!));
  return a.length === b.length && routeKey('', pattern) !== routeKey('', path) && a.every((segment, i) => covers(segment, b[i]!));
}

// A parameter as Hono's router reads it (hono/utils/url getPattern): `:name`, or `:name{pattern}`
// matching a segment when `^pattern$` does.
const HONO_PARAMETER = /^:([^{}]+)(?:\{(.+)\})?$/;

/**
 * Does the segment `a` of a route answer every segment `b` of another matches? A literal only its
 * own text; a parameter without a pattern any segment; one with a pattern a literal it matches (as
 * Hono tests it), a parameter of the same pattern, or a segment that mixes parameters and text
 * (honoPath) when it matches that segment with each parameter filled in (`{a}.{b}` answers the
 * `x.json` of `{id}.json`); never a parameter without a pattern, which answers more.
 */
function covers(a: string, b: string): boolean {
  if (a === b) return true;
  const parameter = HONO_PARAMETER.exec(a);
  if (!parameter) return false;
  const pattern = parameter[2];
  if (pattern === undefined) return true;
  let regExp: RegExp;
  try {
    regExp = new RegExp(`^${pattern}$`);
  } catch {
    return false;
  }
  const other = HONO_PARAMETER.exec(b);
  if (!other) return regExp.test(b);
  if (other[2] === undefined) return false;
  if (other[2] === pattern) return true;
  const sample = mixedSegmentSample(other[2]);
  return sample !== undefined && regExp.test(sample);
}

/** Hono matches in registration order: a literal path goes before a parameter path that matches it. */
function insertBeforeShadowing(routes: OperationModel[], op: OperationModel): void {
  const path = honoPath(op.path);
  const at = routes.findIndex((other) => other.method === op.method && shadows(honoPath(other.path), path));
  if (at === -1) routes.push(op);
  else routes.splice(at, 0, op);
}

/** The last top-level route registration on the app (or statement marked as a route). */
function lastRouteStatement(file: SourceFile, appName: string): Statement | undefined {
  return file
    .getStatements()
    .filter((statement) => {
      if (hasMarker(statement, ROUTE_MARKER)) return true;
      if (!Node.isExpressionStatement(statement)) return false;
      const call = statement.getExpression();
      if (!Node.isCallExpression(call)) return false;
      const callee = call.getExpression();
      return Node.isPropertyAccessExpression(callee) && callee.getExpression().getText() === appName && ROUTE_METHODS.has(callee.getName());
    })
    .at(-1);
}

function hasMarker(statement: Statement, marker: string): boolean {
  return statement.getLeadingCommentRanges().some((range) => new RegExp(`^//[ \\t]*${marker}\\b`).test(range.getText()));
}

function findMarkedStatement(file: SourceFile, marker: string): Statement | undefined {
  return file.getStatements().find((s) => hasMarker(s, marker));
}

function findCall(file: SourceFile, functionName: string): Node | undefined {
  const sourceFile = file.compilerNode;
  const call = callExpressions(file).find((c) => c.expression.getText(sourceFile) === functionName);
  if (!call) return undefined;
  const start = call.getStart(sourceFile);
  const width = call.getWidth(sourceFile);
  let node: Node | undefined = file.getDescendantAtStartWithWidth(start, width);
  while (node && !(Node.isCallExpression(node) && node.getStart() === start && node.getWidth() === width)) node = node.getParent();
  return node;
}

function topLevelStatement(node: Node): Statement | undefined {
  let current: Node | undefined = node;
  while (current && !Node.isSourceFile(current.getParent())) current = current.getParent();
  return current as Statement | undefined;
}

function handlersObject(call: Node): ObjectLiteralExpression | undefined {
  if (!Node.isCallExpression(call)) return undefined;
  const options = call.getArguments()[0];
  if (!options || !Node.isObjectLiteralExpression(options)) return undefined;
  const handlers = options.getProperty('handlers');
  if (!handlers || !Node.isPropertyAssignment(handlers)) return undefined;
  const value = handlers.getInitializer();
  return value && Node.isObjectLiteralExpression(value) ? value : undefined;
}

function propertyNames(object: ObjectLiteralExpression): string[] {
  const names: string[] = [];
  for (const property of object.getProperties()) {
    if (!Node.isPropertyAssignment(property) && !Node.isMethodDeclaration(property) && !Node.isShorthandPropertyAssignment(property)) continue;
    const name = property.getNameNode();
    if (Node.isStringLiteral(name) || Node.isNoSubstitutionTemplateLiteral(name)) names.push(name.getLiteralValue());
    else if (Node.isComputedPropertyName(name)) {
      const inner = name.getExpression();
      if (Node.isStringLiteral(inner) || Node.isNoSubstitutionTemplateLiteral(inner)) names.push(inner.getLiteralValue());
    } else names.push(name.getText());
  }
  return names;
}

/** Inserts event handler stubs after the last property, in the object's own comma style. */
function addProperties(text: string, object: ObjectLiteralExpression, events: string[]): TextEdit {
  const properties = object.getProperties();
  const close = object.getEnd() - 1;
  const last = properties.at(-1);
  if (!last) {
    const open = object.getStart();
    const outer = indentationAt(text, object.getParentOrThrow().getStart());
    const inner = text.slice(open + 1, close);
    const stubs = eventStubs(events, outer + '  ');
    return inner.trim() === '' ? { pos: open + 1, end: close, text: `\n${stubs}\n${outer}` } : { pos: open + 1, text: `\n${stubs}` };
  }
  const indent = indentationAt(text, last.getStart());
  const stubs = eventStubs(events, indent);
  const after = text.slice(last.getEnd(), close);
  const comma = /^\s*,/.exec(after);
  if (comma) return { pos: last.getEnd() + comma[0].length, text: `\n${stubs}` };
  // No trailing comma in the user's style: separate with one, end without.
  return { pos: last.getEnd(), text: `,\n${stubs.replace(/,$/, '')}` };
}

/** The whitespace before the first token on the line of `pos`. */
function indentationAt(text: string, pos: number): string {
  const lineStart = text.lastIndexOf('\n', pos - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))![0];
}

/** Where a statement begins, counting the comments above it (so inserted code goes above them). */
function leadingStart(statement: Statement): number {
  return statement.getLeadingCommentRanges()[0]?.getPos() ?? statement.getStart();
}

function appendAtEnd(text: string, block: string): TextEdit {
  const separator = text.length === 0 ? '' : text.endsWith('\n\n') ? '' : text.endsWith('\n') ? '\n' : '\n\n';
  return { pos: text.length, text: `${separator}${block}\n` };
}

/**
 * Adds named imports that are missing: to an existing declaration of the same module when there is
 * one (keeping its layout), otherwise as a new declaration after the last import.
 */
function addImports(file: SourceFile, text: string, needed: NeededImport[], edits: TextEdit[]): string[] {
  const importedNames = new Set(
    file.getImportDeclarations().flatMap((d) => [
      ...d.getNamedImports().map((n) => n.getAliasNode()?.getText() ?? n.getName()),
      ...(d.getDefaultImport() ? [d.getDefaultImport()!.getText()] : []),
    ]),
  );
  const missing = new Map<string, NeededImport[]>();
  for (const need of needed) {
    if (importedNames.has(need.name)) continue;
    importedNames.add(need.name);
    missing.set(need.module, [...(missing.get(need.module) ?? []), need]);
  }
  const added: string[] = [];
  const fresh: string[] = [];
  for (const [module, wanted] of missing) {
    wanted.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    added.push(...wanted.map((w) => w.name));
    const existing = file
      .getImportDeclarations()
      .find((d) => d.getModuleSpecifierValue() === module && d.getNamedImports().length > 0 && (!d.isTypeOnly() || wanted.every((w) => w.typeOnly)));
    if (existing) edits.push(extendImport(text, existing, wanted));
    else fresh.push(importDeclaration(module, wanted));
  }
  if (fresh.length) {
    const lastImport = file.getImportDeclarations().at(-1);
    if (lastImport) edits.push({ pos: lastImport.getEnd(), text: fresh.map((d) => `\n${d}`).join('') });
    else {
      const first = file.getStatements()[0];
      // Below the file's header comment, above its first statement.
      edits.push({ pos: first ? first.getStart() : text.length, text: `${fresh.join('\n')}\n\n` });
    }
  }
  return added;
}

function specifierText(need: NeededImport, declarationIsTypeOnly: boolean): string {
  return need.typeOnly && !declarationIsTypeOnly ? `type ${need.name}` : need.name;
}

function extendImport(text: string, declaration: ImportDeclaration, wanted: NeededImport[]): TextEdit {
  const named = declaration.getNamedImports();
  const last = named.at(-1)!;
  const bindings = declaration.getImportClauseOrThrow().getNamedBindingsOrThrow();
  const close = bindings.getEnd() - 1;
  const specs = wanted.map((w) => specifierText(w, declaration.isTypeOnly()));
  const multiline = bindings.getText().includes('\n');
  const after = text.slice(last.getEnd(), close);
  const comma = /^\s*,/.exec(after);
  if (multiline) {
    const indent = indentationAt(text, last.getStart());
    if (comma) return { pos: last.getEnd() + comma[0].length, text: specs.map((s) => `\n${indent}${s},`).join('') };
    return { pos: last.getEnd(), text: specs.map((s) => `,\n${indent}${s}`).join('') };
  }
  if (comma) return { pos: last.getEnd() + comma[0].length, text: specs.map((s) => ` ${s},`).join('') };
  return { pos: last.getEnd(), text: specs.map((s) => `, ${s}`).join('') };
}

function importDeclaration(module: string, wanted: NeededImport[]): string {
  const typeOnly = wanted.every((w) => w.typeOnly);
  const specs = wanted.map((w) => specifierText(w, typeOnly));
  const head = typeOnly ? 'import type' : 'import';
  const flat = `${head} { ${specs.join(', ')} } from '${module}';`;
  return flat.length <= NEW_IMPORT_WIDTH ? flat : `${head} {\n${specs.map((s) => `  ${s},`).join('\n')}\n} from '${module}';`;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
