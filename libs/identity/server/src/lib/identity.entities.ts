import { PasswordReset } from './auth/password-reset.entity';
import { Invitation } from './invitations/invitation.entity';
import { Membership } from './members/membership.entity';
import { Session } from './sessions/session.entity';
import { User } from './users/user.entity';

/** Identity's tables, one entity each (registered by the module; composed by tools and tests). */
export const IDENTITY_ENTITIES = [User, Membership, Invitation, Session, PasswordReset];
