import CallSimEngine
import Testing

@Suite struct TallyTests {
  @Test func meanVarianceAndInterval() {
    let t = Tally([2, 4, 4, 4, 5, 5, 7, 9])
    #expect(t.mean == 5)
    #expect(abs(t.variance! - 32.0 / 7) < 1e-12)
    // t(0.975, 7) = 2.364624
    #expect(abs(t.halfWidth()! - 2.364624 * (32.0 / 7 / 8).squareRoot()) < 1e-5)
    #expect(Tally([1]).halfWidth() == nil)
  }

  @Test func studentQuantiles() {
    #expect(abs(StudentT.quantile(0.975, degreesOfFreedom: 9) - 2.262157) < 1e-6)
    #expect(abs(StudentT.quantile(0.9995, degreesOfFreedom: 9) - 4.780913) < 1e-6)
  }
}
