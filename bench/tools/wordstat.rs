use std::collections::BTreeMap;
use std::env;

fn main() {
    let args: Vec<String> = env::args().skip(1).collect();
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for arg in &args {
        for word in arg.split_whitespace() {
            *counts.entry(word.to_lowercase()).or_insert(0) += 1;
        }
    }
    let total: usize = counts.values().sum();
    println!("words: {}", total);
    for (word, n) in &counts {
        if *n > 1 {
            println!("{} x{}", word, n);
        }
    }
    std::process::exit(if total == 0 { 3 } else { 0 });
}
