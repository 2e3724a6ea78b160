qp-sessionize --bogus
