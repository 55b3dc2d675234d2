fn main() { println!("{}", bslab_engine::VERSION); }
