import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/** A JSON Schema validator with the string formats checked, for what the model writes. */
export const schemaValidator = new Ajv2020({ strict: false });
addFormats.default(schemaValidator);
