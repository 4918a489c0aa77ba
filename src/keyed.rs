//! The hash maps and sets keyed by what an input holds (ids, quotes, names of a `.docx`'s
//! parts, inserted passages).
//!
//! They are std's, whose random keys resist an input crafted so that its keys collide (akaji
//! reads tables, ledgers and documents from anyone: a CI may import or verify a pull request's).
//! Under the coverage-guided fuzzer (`cargo afl` builds with `--cfg fuzzing`) they hash with a
//! fixed key instead, so that one input takes one path every time: with std's random keys the
//! table importer's coverage differed between two runs of the same input (AFL++ measured 21.8%
//! stability on 2026-12-04), which blinds the fuzzer to what an input found. What the maps are
//! used for (a key looked up, never the order they are walked in) makes the two the same to
//! every caller.

/// The hasher of [`Map`] and [`Set`]: std's random keys, a fixed one under the fuzzer.
#[cfg(not(fuzzing))]
pub(crate) type Keys = std::collections::hash_map::RandomState;
/// The hasher of [`Map`] and [`Set`]: std's random keys, a fixed one under the fuzzer.
#[cfg(fuzzing)]
pub(crate) type Keys = std::hash::BuildHasherDefault<rustc_hash::FxHasher>;

/// A hash map keyed by what an input holds.
pub(crate) type Map<K, V> = std::collections::HashMap<K, V, Keys>;
/// A hash set of what an input holds.
pub(crate) type Set<T> = std::collections::HashSet<T, Keys>;
