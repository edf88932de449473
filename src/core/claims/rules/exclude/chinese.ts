import { claimRule, Shape } from '../types';

export const zhNumberAsName = claimRule({
  id: 'zh-digits-before-han',
  languages: ['zh'],
  stage: 'exclude',
  needs: Shape.digits | Shape.bare | Shape.han,
  description: 'In Chinese a count takes a classifier: bare digits written against another Han character are a name or a size ("１２英寸").',
  examples: { fires: ['新款配备１２英寸屏幕。'], doesNotFire: ['新款卖出１２台。'] },
  apply(c) {
    const after = c.afterNum;
    return c.bare && c.numIndex >= 0 && after?.kind === 'han' && !after.space ? 'skip' : undefined;
  },
});
