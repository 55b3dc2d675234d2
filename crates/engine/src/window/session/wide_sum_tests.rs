//! The two-halves event-time sum adds as `i128` does, carries and signs included.

use super::EventTimeSum;

#[test]
fn the_wide_sum_adds_as_i128_across_the_low_half() {
    let values: [i128; 7] = [
        0,
        1,
        -1,
        i128::from(i64::MAX),
        i128::from(i64::MIN),
        i128::from(u64::MAX) + 5,
        -(i128::from(u64::MAX) * 3),
    ];
    for a in values {
        for b in values {
            let mut sum = EventTimeSum::from(a);
            sum.add(EventTimeSum::from(b));
            assert_eq!(sum.get(), a + b, "{a} + {b}");
        }
    }
    assert_eq!(EventTimeSum::of(-7).get(), -7);
}
