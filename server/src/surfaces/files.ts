import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { HANGING_TYPES } from '../services/hanging';
import { surfaceCaller } from './caller';

export const FILE = 'plugin::upload.file';

interface MorphJoinTable {
  name: string;
  joinColumn: { name: string };
  morphColumn: { typeColumn: { name: string }; idColumn: { name: string } };
}

/** The upload plugin's table linking files to the records that use them. */
export const fileLinks = (strapi: Core.Strapi) => {
  const { joinTable } = (
    strapi.db.metadata.get(FILE).attributes as Record<string, { joinTable?: MorphJoinTable }>
  ).related;
  return {
    table: joinTable!.name,
    fileId: joinTable!.joinColumn.name,
    type: joinTable!.morphColumn.typeColumn.name,
    relatedId: joinTable!.morphColumn.idColumn.name,
  };
};

interface FileWrite {
  params: { data?: { related?: { __type?: string }[] } };
}

/**
 * The upload plugin links a file to any entry it is told to (`ref`, `refId`, `field` on
 * `POST /upload` and `/api/upload`), past every check of the CRM: on Strapi's surfaces a file is
 * never linked to a lead, a section or a customer that way. Their files come through the plugin's
 * Attachments routes, which check the record's visibility and the file's content, and keep it
 * private.
 */
export const refuseCrmLinksThroughUpload = (strapi: Core.Strapi) => {
  const check = (event: FileWrite) => {
    if (!surfaceCaller(strapi)) return;
    const related = event.params.data?.related;
    if (
      Array.isArray(related) &&
      related.some((link) => (HANGING_TYPES as readonly string[]).includes(link?.__type ?? ''))
    )
      throw new errors.ValidationError(
        "Files of leads and customers are added through the CRM's Attachments, where their content is checked"
      );
  };
  strapi.db.lifecycles.subscribe({ models: [FILE], beforeCreate: check, beforeUpdate: check } as never);
};
