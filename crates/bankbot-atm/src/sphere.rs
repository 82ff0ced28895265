//! Points as 3-D unit vectors: Euclidean chord order equals great-circle order, since the
//! great-circle distance `2R·asin(c/2)` grows with the chord `c`.

use bankbot_core::GeoPoint;

/// A point on the unit sphere.
pub(crate) type Vec3 = [f64; 3];

/// The unit vector of a WGS 84 point (spherical Earth).
pub(crate) fn unit_vector(p: &GeoPoint) -> Vec3 {
    let (lat, lon) = (p.lat().to_radians(), p.lon().to_radians());
    let c = lat.cos();
    [c * lon.cos(), c * lon.sin(), lat.sin()]
}

/// Squared Euclidean distance between two vectors.
pub(crate) fn dist2(a: &Vec3, b: &Vec3) -> f64 {
    let (dx, dy, dz) = (a[0] - b[0], a[1] - b[1], a[2] - b[2]);
    dx * dx + dy * dy + dz * dz
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chord_matches_haversine() {
        let a = GeoPoint::new(51.5080, -0.1281).unwrap();
        let b = GeoPoint::new(48.8566, 2.3522).unwrap();
        let chord = dist2(&unit_vector(&a), &unit_vector(&b)).sqrt();
        let metres = 2.0 * 6_371_008.8 * (chord / 2.0).asin();
        assert!((metres - a.distance_m(&b)).abs() < 0.01);
    }
}
