// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { MembersPanel } from './MembersPanel';

afterEach(cleanup);

describe('MembersPanel', () => {
  it('marks guests, and the reader as "you"', () => {
    const { container } = render(
      <MembersPanel
        id="m"
        me="alice"
        count={3}
        members={[
          { username: 'zoe', avatarUrl: '/z', guest: true },
          { username: 'bob', avatarUrl: '/b', guest: false },
          { username: 'alice', avatarUrl: '/a' },
        ]}
      />,
    );
    const rows = [...container.querySelectorAll('.member')].map((li) => ({
      name: li.querySelector('.member-name')?.textContent,
      guest: li.querySelector('.badge-guest') !== null,
    }));
    expect(rows).toEqual([
      { name: 'alice', guest: false },
      { name: 'bob', guest: false },
      { name: 'zoe', guest: true },
    ]);
  });
});
