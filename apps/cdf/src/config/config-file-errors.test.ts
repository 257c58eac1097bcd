import { CdfError, CdfErrorCode } from '@cdf/core';
import { describe, expect, it } from 'vitest';
import { namingConfigFile, namingConfigFileAsync } from './config-file-errors.ts';

const configError = () =>
  new CdfError(CdfErrorCode.InvalidConfig, 'bad', { column: 'capacity.params.demand' });

describe('namingConfigFile', () => {
  it('adds the config file to configuration errors that lack one', async () => {
    const thrown = (() => {
      try {
        namingConfigFile('cdf.config.json', () => {
          throw configError();
        });
      } catch (error) {
        return error as CdfError;
      }
    })();
    expect(thrown?.location).toMatchObject({ file: 'cdf.config.json', column: 'capacity.params.demand' });
    await expect(
      namingConfigFileAsync('a.json', async () => {
        throw configError();
      }),
    ).rejects.toMatchObject({ location: { file: 'a.json' } });
  });

  it('leaves other errors, and runs without a config file, alone', () => {
    const other = new CdfError(CdfErrorCode.EmptyInput, 'empty');
    expect(() =>
      namingConfigFile('a.json', () => {
        throw other;
      }),
    ).toThrow(other);
    expect(() =>
      namingConfigFile(undefined, () => {
        throw configError();
      }),
    ).toThrow(expect.objectContaining({ location: { column: 'capacity.params.demand' } }));
    expect(namingConfigFile('a.json', () => 42)).toBe(42);
  });
});
