mod render;
mod roundtrip;
