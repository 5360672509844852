/**
 * Mantine components that navigate with TanStack Router: typed `to`/`params`/`search`, client-side
 * navigation, and preloading on hover or focus.
 */
import {
  Anchor,
  type AnchorProps,
  Button,
  type ButtonProps,
  NavLink,
  type NavLinkProps,
} from '@mantine/core';
import { createLink, type LinkComponent } from '@tanstack/react-router';
import type { ComponentPropsWithRef } from 'react';

type AnchorElementProps = Omit<ComponentPropsWithRef<'a'>, 'color' | 'style'>;

function MantineAnchor(props: AnchorProps & AnchorElementProps) {
  return <Anchor {...props} />;
}

function MantineButton(props: ButtonProps & AnchorElementProps) {
  return <Button component="a" {...props} />;
}

/**
 * The router marks a link `aria-current="page"` whenever the address starts with its path, so the
 * workspace's home (`/w/demo`) would be current on every workspace page, and Mantine styles
 * `aria-current` as active. A navigation item says itself which page it stands for (`active`):
 * that alone makes it current, for the eye and for screen readers.
 */
function MantineNavLink(props: NavLinkProps & Omit<AnchorElementProps, 'children'>) {
  const current = props.active === undefined ? props['aria-current'] : props.active ? 'page' : undefined;
  return <NavLink component="a" {...props} aria-current={current} />;
}

const CreatedAnchorLink = createLink(MantineAnchor);
const CreatedButtonLink = createLink(MantineButton);
const CreatedNavLinkLink = createLink(MantineNavLink);

export const AnchorLink: LinkComponent<typeof MantineAnchor> = (props) => (
  <CreatedAnchorLink preload="intent" {...props} />
);

export const ButtonLink: LinkComponent<typeof MantineButton> = (props) => (
  <CreatedButtonLink preload="intent" {...props} />
);

export const NavLinkLink: LinkComponent<typeof MantineNavLink> = (props) => (
  <CreatedNavLinkLink preload="intent" {...props} />
);
