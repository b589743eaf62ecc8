import { expect } from '@open-wc/testing';
import { configure } from '../../src/config.js';
import { ConsentError } from '../../src/model/errors.js';
import { registerBuiltInProviders } from '../../src/transports/builtins.js';
import { HostTransport } from '../../src/transports/host/host.js';
import { MemoryTransport } from '../../src/transports/memory/memory.js';
import { LazyOutbox } from '../../src/transports/core/outbox.lazy.js';
import { registerProvider, transportFor } from '../../src/transports/core/registry.js';

const empty = () => new MemoryTransport({ catalog: { source: 'memory:x', groups: [] } });
const thrown = (f: () => unknown): ConsentError => {
  try {
    f();
  } catch (e) {
    return e as ConsentError;
  }
  throw new Error('expected a throw');
};

describe('provider registry', () => {
  // Runs first: this file's page has registered nothing yet.
  it('says how to register the built-in providers when a page has not', () => {
    const e = thrown(() => transportFor('host', '/api/consent'));
    expect(e).to.be.instanceOf(ConsentError);
    expect(e.code).to.equal('config');
    expect(e.message).to.include('consent-elements/define');
  });

  it('names the known providers for an unknown one', () => {
    const e = thrown(() => transportFor('acme', '/x'));
    expect(e.code).to.equal('config');
    expect(e.message).to.match(/Unknown provider "acme".*host/);
  });

  it('builds one transport per provider and endpoint from its factory, with a key naming both', () => {
    const keys: (string | undefined)[] = [];
    registerProvider('custom', ({ endpoint, key }) => {
      keys.push(endpoint, key);
      return empty();
    });
    const a = transportFor('custom', '/one');
    expect(transportFor('custom', '/one')).to.equal(a);
    expect(transportFor('custom', '/two')).not.to.equal(a);
    expect(keys).to.deep.equal(['/one', 'custom /one', '/two', 'custom /two']);
  });

  it('prefers a transport given to configure({ transports })', () => {
    const mine = empty();
    configure({ transports: { mine } });
    expect(transportFor('mine', undefined)).to.equal(mine);
  });

  it('built-in host and connect are durable (outbox) and need an endpoint', () => {
    registerBuiltInProviders();
    const host = transportFor('host', '/api/consent');
    expect(host).to.be.instanceOf(LazyOutbox);
    expect((host as LazyOutbox).inner.name).to.equal(new HostTransport({ endpoint: '/x' }).name);
    expect(thrown(() => transportFor('connect', undefined)).message).to.include('needs an endpoint');
    expect(thrown(() => transportFor('consentua', '/x')).code).to.equal('unsupported');
  });
});
