// The API reference of the chat parts and the hooks, read from their TypeScript types with the
// compiler: each part's props (type, JSDoc, default) and each hook's options and returned fields.
// Storybook's docs pages render it (virtual:ck-api-reference) and `pnpm docs:props` counts it, so the
// two never disagree. Members declared in node_modules (HTML attributes, TanStack Query's result)
// are the platform's and a library's: counted as passed through, not listed.
import path from 'node:path';
import ts from 'typescript';

export interface FieldDoc {
  name: string;
  type: string;
  required: boolean;
  description: string;
  defaultValue?: string;
}
export interface PartDoc {
  /** As a reader writes it: `Thread.Root`, `ThreadList`. */
  name: string;
  description: string;
  props: FieldDoc[];
  /** The element whose attributes pass through (`div`, `button`), when there is one. */
  element?: string;
}
export interface HookDoc {
  name: string;
  description: string;
  signature: string;
  /** Each parameter; an options object's fields are listed under it. */
  parameters: { name: string; type: string; description: string; fields: FieldDoc[] }[];
  returns: FieldDoc[];
  /** Returned fields that come from a library type, e.g. TanStack Query's result. */
  returnsAlso: number;
}
export interface ApiReference {
  parts: PartDoc[];
  hooks: HookDoc[];
}

const outside = (symbol: ts.Symbol) =>
  (symbol.declarations ?? []).every((declaration) => declaration.getSourceFile().fileName.includes('node_modules'));

function program(root: string, entries: string[]): ts.Program {
  const config = ts.readConfigFile(path.join(root, 'tsconfig.json'), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
  return ts.createProgram(entries, { ...parsed.options, noEmit: true });
}

function documentation(checker: ts.TypeChecker, symbol: ts.Symbol): string {
  return ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim();
}

// The value a symbol stands for: through imports, and through `{ Root }` / `{ Empty: ThreadEmpty }`.
function resolve(checker: ts.TypeChecker, symbol: ts.Symbol): ts.Symbol {
  const declaration = symbol.declarations?.[0];
  let target = symbol;
  if (declaration && ts.isShorthandPropertyAssignment(declaration))
    target = checker.getShorthandAssignmentValueSymbol(declaration) ?? symbol;
  else if (declaration && ts.isPropertyAssignment(declaration))
    target = checker.getSymbolAtLocation(declaration.initializer) ?? symbol;
  return target.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(target) : target;
}

// Defaults written in the component's destructuring (`{ streaming = false }`) or its JSDoc.
function defaultsOf(declaration: ts.Node | undefined): Map<string, string> {
  const found = new Map<string, string>();
  const visit = (node: ts.Node) => {
    if ((ts.isFunctionExpression(node) || ts.isFunctionDeclaration(node) || ts.isArrowFunction(node)) && !found.size) {
      const first = node.parameters[0]?.name;
      if (first && ts.isObjectBindingPattern(first))
        for (const element of first.elements)
          if (element.initializer && ts.isIdentifier(element.name))
            found.set(element.name.text, element.initializer.getText());
      return;
    }
    ts.forEachChild(node, visit);
  };
  if (declaration) visit(declaration);
  return found;
}

function fieldsOf(checker: ts.TypeChecker, type: ts.Type, defaults = new Map<string, string>()) {
  const fields: FieldDoc[] = [];
  let passedThrough = 0;
  for (const property of checker.getPropertiesOfType(type)) {
    if (outside(property)) {
      passedThrough++;
      continue;
    }
    const declaration = property.valueDeclaration ?? property.declarations?.[0];
    const optional = (property.flags & ts.SymbolFlags.Optional) !== 0;
    const own = declaration ? checker.getTypeOfSymbolAtLocation(property, declaration) : checker.getAnyType();
    // A deprecated field is documented by its tag: say so, and what to use instead.
    const deprecated = property.getJsDocTags().find((item) => item.name === 'deprecated');
    const description = [
      deprecated ? `Deprecated: ${ts.displayPartsToString(deprecated.text)}` : '',
      documentation(checker, property),
    ]
      .filter(Boolean)
      .join(' ');
    const tag = property.getJsDocTags().find((item) => item.name === 'default');
    const stated = tag ? ts.displayPartsToString(tag.text) : /Default: ([^.;]+)/.exec(description)?.[1];
    const defaultValue = defaults.get(property.name) ?? stated;
    fields.push({
      name: property.name,
      type: checker.typeToString(
        optional ? checker.getNonNullableType(own) : own,
        undefined,
        ts.TypeFormatFlags.NoTruncation,
      ),
      required: !optional,
      description,
      ...(defaultValue ? { defaultValue } : {}),
    });
  }
  return { fields, passedThrough };
}

const elementNames: Record<string, string> = {
  UList: 'ul',
  OList: 'ol',
  Paragraph: 'p',
  Anchor: 'a',
  TextArea: 'textarea',
};
const elementName = (type: string) => {
  const name = /^HTML(\w+)Element$/.exec(type)?.[1];
  return name ? (elementNames[name] ?? name.toLowerCase()) : undefined;
};
// `extends ComponentPropsWithoutRef<'button'>`, or an alias built on it: the element whose attributes pass through.
function heritageElement(type: ts.Type): string | undefined {
  const symbols = [type.aliasSymbol, type.getSymbol()].filter((symbol): symbol is ts.Symbol => symbol !== undefined);
  for (const declaration of symbols.flatMap((symbol) => symbol.declarations ?? [])) {
    const text = ts.isInterfaceDeclaration(declaration)
      ? (declaration.heritageClauses?.map((item) => item.getText()).join() ?? '')
      : ts.isTypeAliasDeclaration(declaration)
        ? declaration.type.getText()
        : '';
    const match = /ComponentProps(?:WithoutRef)?<'(\w+)'>/.exec(text);
    if (match) return match[1];
  }
  return type.isIntersection() ? type.types.map(heritageElement).find(Boolean) : undefined;
}

function partOf(checker: ts.TypeChecker, name: string, symbol: ts.Symbol): PartDoc | undefined {
  const target = resolve(checker, symbol);
  const declaration = target.valueDeclaration;
  if (!declaration) return undefined;
  const signature = checker.getTypeOfSymbolAtLocation(target, declaration).getCallSignatures()[0];
  const propsParameter = signature?.getParameters()[0];
  if (!signature || !propsParameter) return undefined;
  const propsType = checker.getTypeOfSymbolAtLocation(propsParameter, declaration);
  const { fields, passedThrough } = fieldsOf(checker, propsType, defaultsOf(declaration));
  // forwardRef<HTMLDivElement, ...>: the element the remaining attributes go to.
  const call = ts.isVariableDeclaration(declaration) ? declaration.initializer : undefined;
  const elementType = call && ts.isCallExpression(call) ? call.typeArguments?.[0]?.getText() : undefined;
  const element = elementType ? elementName(elementType) : heritageElement(propsType);
  return {
    name,
    description: documentation(checker, target),
    props: fields.filter((field) => field.name !== 'ref'),
    ...(passedThrough ? { element: element ?? 'element' } : {}),
  };
}

function hookOf(checker: ts.TypeChecker, symbol: ts.Symbol): HookDoc | undefined {
  const target = resolve(checker, symbol);
  const declaration = target.valueDeclaration;
  if (!declaration || !ts.isFunctionDeclaration(declaration)) return undefined;
  const signature = checker.getSignatureFromDeclaration(declaration);
  if (!signature) return undefined;
  const parameters = declaration.parameters.map((parameter) => {
    const type = checker.getTypeAtLocation(parameter);
    const named = parameter.type?.getText() ?? checker.typeToString(type);
    const objectLike = (type.flags & ts.TypeFlags.Object) !== 0 && !type.getCallSignatures().length;
    const defaults = new Map<string, string>();
    return {
      name: parameter.name.getText(),
      type: named,
      description: '',
      fields: objectLike ? fieldsOf(checker, checker.getNonNullableType(type), defaults).fields : [],
    };
  });
  const { fields, passedThrough } = fieldsOf(checker, checker.getNonNullableType(signature.getReturnType()));
  return {
    name: target.name,
    description: documentation(checker, target),
    signature: `${target.name}(${parameters.map((item) => `${item.name}: ${item.type}`).join(', ')})`,
    parameters,
    returns: fields,
    returnsAlso: passedThrough,
  };
}

/** Reads the chat entry's parts and the hooks package's hooks from the sources under `root`. */
export function apiReference(root: string): ApiReference {
  const chatEntry = path.join(root, 'packages/components/src/chat/index.ts');
  const hooksEntry = path.join(root, 'packages/hooks/src/index.ts');
  const built = program(root, [chatEntry, hooksEntry]);
  const checker = built.getTypeChecker();
  const exportsOf = (file: string) => {
    const source = built.getSourceFile(file);
    const moduleSymbol = source && checker.getSymbolAtLocation(source);
    return moduleSymbol ? checker.getExportsOfModule(moduleSymbol) : [];
  };
  const parts: PartDoc[] = [];
  for (const symbol of exportsOf(chatEntry)) {
    if (!/^[A-Z]/.test(symbol.name) || !(resolve(checker, symbol).flags & ts.SymbolFlags.Value)) continue;
    const target = resolve(checker, symbol);
    const type = checker.getTypeOfSymbolAtLocation(target, target.valueDeclaration as ts.Node);
    const whole = type.getCallSignatures().length ? partOf(checker, symbol.name, symbol) : undefined;
    if (whole) parts.push(whole);
    // A compound (`Thread = { Root, Viewport, ... }`): each member is a part.
    else
      for (const member of checker.getPropertiesOfType(type)) {
        const part = partOf(checker, `${symbol.name}.${member.name}`, member);
        if (part) parts.push(part);
      }
  }
  const hooks = exportsOf(hooksEntry)
    .filter((symbol) => /^use[A-Z]/.test(symbol.name))
    .map((symbol) => hookOf(checker, symbol))
    .filter((hook): hook is HookDoc => hook !== undefined)
    .sort((a, b) => a.name.localeCompare(b.name));
  return { parts, hooks };
}
