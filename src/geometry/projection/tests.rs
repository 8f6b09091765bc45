//! The projections against the figures they promise: true area ratios (Albers), equal local
//! scales (LCC), Web Mercator's enlargement of the north, and Snyder's formulas.

use super::*;

#[test]
fn mercator_round_trips() {
    let (lon, lat) = lonlat(mercator(71.446, 51.1801));
    assert!((lon - 71.446).abs() < 1e-9 && (lat - 51.1801).abs() < 1e-9);
}

/// Kazakhstan's extent.
fn kz() -> Rect<f64> {
    Rect::new((46.5, 40.6), (87.3, 55.4))
}

/// The area of a lon/lat cell on the map, in square plane units: its outline sampled
/// densely (parallels are arcs in a conic) and measured with the shoelace formula.
fn projected_area(p: &Projector, lon: f64, lat: f64, side: f64) -> f64 {
    let n = 200;
    let mut ring = Vec::new();
    for i in 0..n {
        ring.push((lon + side * i as f64 / n as f64, lat));
    }
    for i in 0..n {
        ring.push((lon + side, lat + side * i as f64 / n as f64));
    }
    for i in 0..n {
        ring.push((lon + side - side * i as f64 / n as f64, lat + side));
    }
    for i in 0..n {
        ring.push((lon, lat + side - side * i as f64 / n as f64));
    }
    let pts: Vec<[f64; 2]> = ring.iter().map(|&(x, y)| p.forward(x, y)).collect();
    let twice: f64 = (0..pts.len())
        .map(|i| {
            let (a, b) = (pts[i], pts[(i + 1) % pts.len()]);
            a[0] * b[1] - b[0] * a[1]
        })
        .sum();
    (twice / 2.0).abs()
}

/// The true area of a lon/lat cell on the sphere, in square metres.
fn sphere_area(lat: f64, side: f64) -> f64 {
    EARTH_RADIUS_M.powi(2)
        * side.to_radians()
        * ((lat + side).to_radians().sin() - lat.to_radians().sin())
}

#[test]
fn the_conics_are_fitted_by_the_common_rule() {
    let p = Projection::Albers.fitted(kz()).unwrap().params().unwrap();
    assert!((p.lon0 - 66.9).abs() < 1e-9 && (p.lat0 - 48.0).abs() < 1e-9);
    let span: f64 = 55.4 - 40.6;
    assert!((p.lat1 - (40.6 + span / 6.0)).abs() < 1e-9, "{p:?}");
    assert!((p.lat2 - (40.6 + span * 5.0 / 6.0)).abs() < 1e-9, "{p:?}");
    assert!(
        Projection::Mercator
            .fitted(kz())
            .unwrap()
            .params()
            .is_none()
    );
    let lcc = Projection::Lcc.fitted(kz()).unwrap().definition();
    assert!(lcc.starts_with("+proj=lcc +lat_0=48 +lat_1=43.066667 +lat_2=52.933333 +lon_0=66.9"));
}

#[test]
fn albers_keeps_the_ratio_of_true_areas_north_and_south() {
    let p = Projection::Albers.fitted(kz()).unwrap();
    let map = projected_area(&p, 66.0, 52.0, 1.0) / projected_area(&p, 66.0, 42.0, 1.0);
    let truth = sphere_area(52.0, 1.0) / sphere_area(42.0, 1.0);
    assert!((map / truth - 1.0).abs() < 0.01, "{map} vs {truth}");
    // And equal-area in absolute terms too: plane units are the equator's length.
    let square_m = (2.0 * PI * EARTH_RADIUS_M).powi(2);
    let cell = projected_area(&p, 66.0, 52.0, 1.0) * square_m;
    assert!((cell / sphere_area(52.0, 1.0) - 1.0).abs() < 1e-4);
}

#[test]
fn mercator_enlarges_the_north_of_kazakhstan() {
    let p = Projector::mercator();
    let enlargement = |north: f64, south: f64| {
        let map = projected_area(&p, 66.0, north, 0.1) / projected_area(&p, 66.0, south, 0.1);
        map / (sphere_area(north, 0.1) / sphere_area(south, 0.1))
    };
    // sec²φ: 1.457× between 52°N and 42°N; 1.79× between the country's north and south
    // edges (55.4°N and 40.6°N), 1.781× between the tenth-of-a-degree cells along them.
    let mid = enlargement(52.0, 42.0);
    let edges = enlargement(55.3, 40.6);
    assert!((mid - 1.457).abs() < 0.001, "{mid}");
    assert!((edges - 1.781).abs() < 0.001, "{edges}");
    let (h, k) = p.scale_factors(66.0, 55.0);
    let sec2 = 1.0 / 55f64.to_radians().cos().powi(2);
    assert!((h * k / sec2 - 1.0).abs() < 1e-6);
}

#[test]
fn lcc_keeps_angles_a_small_circle_stays_a_circle() {
    let p = Projection::Lcc.fitted(kz()).unwrap();
    for (lon, lat) in [(66.9, 48.0), (50.0, 41.0), (85.0, 55.0), (71.4, 51.2)] {
        let (h, k) = p.scale_factors(lon, lat);
        assert!((h - k).abs() < 1e-6, "{lon},{lat}: h {h} k {k}");
    }
    // True to scale on its standard parallels, and only there.
    let params = p.params().unwrap();
    let (_, k1) = p.scale_factors(70.0, params.lat1);
    let (_, k0) = p.scale_factors(70.0, params.lat0);
    assert!((k1 - 1.0).abs() < 1e-6 && k0 < 0.999, "{k1} {k0}");
}

#[test]
fn albers_is_not_conformal_but_equal_area() {
    let p = Projection::Albers.fitted(kz()).unwrap();
    let (h, k) = p.scale_factors(50.0, 41.0);
    assert!(
        (h * k - 1.0).abs() < 1e-6 && (h - k).abs() > 1e-3,
        "h {h} k {k}"
    );
}

#[test]
fn the_conics_agree_with_snyders_spherical_formulas() {
    // Snyder (1987), eq. 14-1..14-4 (Albers) and 15-1..15-4 (LCC), R = 1.
    let area = kz();
    let ConicParams {
        lon0,
        lat0,
        lat1,
        lat2,
    } = ConicParams::for_area(area);
    let (f0, f1, f2) = (lat0.to_radians(), lat1.to_radians(), lat2.to_radians());
    let (lon, lat): (f64, f64) = (51.9, 47.1);
    let (l, f) = ((lon - lon0).to_radians(), lat.to_radians());
    let albers = {
        let n = (f1.sin() + f2.sin()) / 2.0;
        let c = f1.cos().powi(2) + 2.0 * n * f1.sin();
        let rho = |phi: f64| (c - 2.0 * n * phi.sin()).sqrt() / n;
        let theta = n * l;
        [rho(f) * theta.sin(), rho(f0) - rho(f) * theta.cos()]
    };
    let lcc = {
        let t = |phi: f64| (PI / 4.0 + phi / 2.0).tan();
        let n = (f1.cos() / f2.cos()).ln() / (t(f2) / t(f1)).ln();
        let big_f = f1.cos() * t(f1).powf(n) / n;
        let rho = |phi: f64| big_f / t(phi).powf(n);
        let theta = n * l;
        [rho(f) * theta.sin(), rho(f0) - rho(f) * theta.cos()]
    };
    for (kind, expected) in [(Projection::Albers, albers), (Projection::Lcc, lcc)] {
        let got = kind.fitted(area).unwrap().forward(lon, lat);
        let got = [got[0] * 2.0 * PI, -got[1] * 2.0 * PI];
        assert!(
            (got[0] - expected[0]).abs() < 1e-9 && (got[1] - expected[1]).abs() < 1e-9,
            "{kind}: {got:?} vs {expected:?}"
        );
    }
}

#[test]
fn every_projection_round_trips() {
    for kind in Projection::ALL {
        let p = kind.fitted(kz()).unwrap();
        let (lon, lat) = p.inverse(p.forward(51.4, 43.35));
        assert!(
            (lon - 51.4).abs() < 1e-9 && (lat - 43.35).abs() < 1e-9,
            "{kind}"
        );
        assert_eq!(kind.id().parse::<Projection>(), Ok(kind));
    }
    assert!("robinson".parse::<Projection>().is_err());
}

#[test]
fn a_conic_centred_on_the_equator_is_refused() {
    let err = Projection::Lcc
        .fitted(Rect::new((10.0, -10.0), (20.0, 10.0)))
        .unwrap_err();
    assert!(err.contains("cannot be fitted"), "{err}");
}
