import { Button, Dialog, IconButton, type ButtonProps } from '@strapi/design-system';
import { ConfirmDialog } from '@strapi/strapi/admin';
import { useState } from 'react';
import { useProfileText } from './useProfileText';

interface Props {
  /** The button's text, or its accessible name when it shows an icon only. */
  label: string;
  title: string;
  /** What the dialog asks. */
  body: string;
  /** The dialog's confirming button, named after the action ("Delete", "Anonymize"). */
  confirmLabel: string;
  onConfirm: () => Promise<void> | void;
  icon?: React.ReactNode;
  iconOnly?: boolean;
  variant?: ButtonProps['variant'];
}

/** A button that asks for confirmation in a dialog before it acts. */
export const ConfirmButton = ({
  label,
  title,
  body,
  confirmLabel,
  onConfirm,
  icon,
  iconOnly = false,
  variant = 'danger-light',
}: Props) => {
  const t = useProfileText('confirm');
  const [open, setOpen] = useState(false);
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger>
        {iconOnly ? (
          <IconButton label={label} variant="ghost">
            {icon}
          </IconButton>
        ) : (
          <Button variant={variant} startIcon={icon}>
            {label}
          </Button>
        )}
      </Dialog.Trigger>
      <ConfirmDialog
        title={title}
        startAction={
          <Dialog.Cancel>
            <Button fullWidth variant="tertiary">
              {t('cancel', 'Cancel')}
            </Button>
          </Dialog.Cancel>
        }
        endAction={
          <Dialog.Action>
            <Button fullWidth variant="danger-light" onClick={() => onConfirm()}>
              {confirmLabel}
            </Button>
          </Dialog.Action>
        }
      >
        {body}
      </ConfirmDialog>
    </Dialog.Root>
  );
};
