// A component (or hook) that holds more than a handful of useState is several things at once: its state
// belongs in a reducer, a hook of its own, or child components (issue 14). Counted per function body,
// not per file, so a file of small components is fine.
const FUNCTION = ['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression'];

/** @type {import('eslint').Rule.RuleModule} */
module.exports = {
  meta: {
    type: 'suggestion',
    docs: { description: 'At most N useState calls in one component or hook' },
    schema: [{ type: 'object', properties: { max: { type: 'integer', minimum: 1 } }, additionalProperties: false }],
    messages: {
      tooMany: '{{name}} holds {{count}} useState (at most {{max}}): move related state into a reducer, a hook or a child component.',
    },
  },
  create(context) {
    const max = context.options[0]?.max ?? 6;
    const stack = [];
    const isUseState = (callee) =>
      (callee.type === 'Identifier' && callee.name === 'useState') ||
      (callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier' && callee.property.name === 'useState');
    const nameOf = (node) => {
      if (node.id?.name) return node.id.name;
      const parent = node.parent;
      if (parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier') return parent.id.name;
      // memo(...) / forwardRef(...) wrapped in a declarator
      if (parent?.type === 'CallExpression' && parent.parent?.type === 'VariableDeclarator' && parent.parent.id.type === 'Identifier') return parent.parent.id.name;
      return 'This function';
    };
    const enter = (node) => stack.push({ node, count: 0 });
    const exit = () => {
      const top = stack.pop();
      if (top && top.count > max) {
        context.report({ node: top.node, messageId: 'tooMany', data: { name: nameOf(top.node), count: String(top.count), max: String(max) } });
      }
    };
    const listeners = {
      CallExpression(node) {
        if (isUseState(node.callee) && stack.length > 0) stack[stack.length - 1].count++;
      },
    };
    for (const type of FUNCTION) {
      listeners[type] = enter;
      listeners[`${type}:exit`] = exit;
    }
    return listeners;
  },
};
